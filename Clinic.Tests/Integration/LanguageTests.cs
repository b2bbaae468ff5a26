using System.Net;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Integration;

/// <summary>
/// A patient reads the clinic in Bangla or English: the choice is kept in a cookie, a browser that asks
/// for Bangla gets it unasked, and nobody is sent off the clinic's site on the way back.
/// </summary>
public sealed class LanguageTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private const string BanglaCookie = ".AspNetCore.Culture=c%3Dbn%7Cuic%3Dbn";

    [Fact]
    public async Task Choosing_Bangla_keeps_it_in_a_cookie_and_goes_back_to_the_page()
    {
        var client = app.CreateBrowserLikeClient();

        var chosen = await client.GetAsync("/language/bn?back=%2Fdoctors%3Fbranch%3DUttara");

        chosen.StatusCode.Should().Be(HttpStatusCode.Redirect);
        chosen.Headers.Location!.OriginalString.Should().Be("/doctors?branch=Uttara");
        chosen.Headers.GetValues("Set-Cookie").Should().ContainSingle(c => c.StartsWith(BanglaCookie) && c.Contains("httponly"));
        var page = await (await client.GetAsync("/doctors")).Content.ReadAsStringAsync();
        page.Should().Contain("<html lang=\"bn\"").And.Contain("ডাক্তার খুঁজুন")
            .And.Contain("data-testid=\"language-switch\"").And.Contain(">English<");
    }

    [Fact]
    public async Task Without_a_choice_the_pages_are_in_English_and_offer_Bangla()
    {
        var page = await (await app.CreateClient().GetAsync("/doctors")).Content.ReadAsStringAsync();

        page.Should().Contain("<html lang=\"en\"").And.Contain("Find a doctor").And.Contain(">বাংলা<").And.NotContain("ডাক্তার খুঁজুন");
    }

    [Fact]
    public async Task A_browser_that_asks_for_Bangla_gets_it_without_choosing()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("bn-BD,bn;q=0.9,en;q=0.5");

        var page = await (await app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        page.Should().Contain("<html lang=\"bn\"").And.Contain("আমাদের ডাক্তার");
    }

    [Theory]
    [InlineData("//elsewhere.example/login")]
    [InlineData("https://elsewhere.example/")]
    [InlineData("/\\elsewhere.example")]
    public async Task The_way_back_never_leads_to_another_site(string back)
    {
        var chosen = await app.CreateBrowserLikeClient().GetAsync($"/language/bn?back={Uri.EscapeDataString(back)}");

        chosen.StatusCode.Should().Be(HttpStatusCode.Redirect);
        chosen.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task A_language_the_clinic_does_not_speak_is_refused_with_a_problem()
    {
        var refused = await app.CreateBrowserLikeClient().GetAsync("/language/fr?back=/");

        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).Should().Contain("No such language").And.Contain("বাংলা (bn)");
        refused.Headers.Contains("Set-Cookie").Should().BeFalse();
    }

    [Theory]
    [InlineData("owner@gomoti.example", "/owner/settings", "ক্লিনিকের সেটিংস", "Booking window")]
    [InlineData("owner@gomoti.example", "/owner/takings", "আয়", "By method")]
    [InlineData("owner@gomoti.example", "/owner/team", "দলে নতুন সদস্য যোগ করুন", "Add a team member")]
    [InlineData("tanvir.ahmed@gomoti.example", "/doctor", "আমার চেম্বার", "How patients see you")]
    public async Task The_owner_and_a_doctor_read_their_screens_in_Bangla_when_they_choose(string email, string path, string bangla, string english)
    {
        var client = app.CreateBrowserLikeClient();
        await client.GetAsync("/language/bn?back=/");
        await client.SignInAsync(email, app.DemoPassword);

        var page = await (await client.GetAsync(path)).Content.ReadAsStringAsync();

        page.Should().Contain("<html lang=\"bn\"").And.Contain(bangla).And.NotContain(english)
            .And.Contain("data-testid=\"language-switch\"");
    }

    [Theory]
    [InlineData("/staff", "ফ্রন্ট অফিস", "Doctors on the team")]
    [InlineData("/clinic/frontdesk", "আজকের ভিজিট", "Today's visits")]
    [InlineData("/clinic/requests", "অনুমোদনের অপেক্ষায় অনুরোধ", "Requests waiting for approval")]
    [InlineData("/clinic/agenda", "দিনপঞ্জি", "Specialization")]
    [InlineData("/clinic/patients", "নতুন রোগী", "New patient")]
    [InlineData("/clinic/availability", "খালি সময়", "Choose at least one doctor")]
    public async Task The_front_desk_reads_its_screens_in_Bangla_when_it_chooses(string path, string bangla, string english)
    {
        var client = app.CreateBrowserLikeClient();
        await client.GetAsync("/language/bn?back=/");
        await client.SignInAsync("staff2@gomoti.example", app.DemoPassword);

        var page = await (await client.GetAsync(path)).Content.ReadAsStringAsync();

        page.Should().Contain("<html lang=\"bn\"").And.Contain(bangla).And.NotContain(english)
            .And.Contain("data-testid=\"language-switch\"", "the desk may go back to English");
    }

    [Fact]
    public async Task A_patient_who_chose_Bangla_keeps_it_after_signing_in()
    {
        var client = app.CreateBrowserLikeClient();
        await client.GetAsync("/language/bn?back=/");
        await client.SignInAsync("rahim@patients.example", app.DemoPassword);

        var page = await (await client.GetAsync("/patient/appointments")).Content.ReadAsStringAsync();

        page.Should().Contain("<html lang=\"bn\"").And.Contain("আমার অ্যাপয়েন্টমেন্ট").And.Contain(">English<");
    }

    [Fact]
    public async Task A_patient_who_chooses_Bangla_signed_in_finds_it_again_on_another_device()
    {
        var phone = app.CreateBrowserLikeClient();
        await phone.SignInAsync("jamal@patients.example", app.DemoPassword);
        await phone.GetAsync("/language/bn?back=/patient");
        (await LanguageOfAsync("jamal@patients.example")).Should().Be("bn", "the account keeps it for the patient's emails");

        var laptop = app.CreateBrowserLikeClient();
        var signedIn = await laptop.SignInAsync("jamal@patients.example", app.DemoPassword);

        signedIn.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(BanglaCookie));
        var page = await (await laptop.GetAsync("/patient")).Content.ReadAsStringAsync();
        page.Should().Contain("<html lang=\"bn\"").And.Contain("স্বাগতম");

        await laptop.GetAsync("/language/en?back=/patient");
        (await LanguageOfAsync("jamal@patients.example")).Should().Be("en", "English is a choice too, kept whatever the clinic opens in");
    }

    [Fact]
    public async Task A_patient_who_registers_reading_Bangla_keeps_it_on_the_new_account()
    {
        var client = app.CreateBrowserLikeClient();
        await client.GetAsync("/language/bn?back=/Account/Register");
        var email = $"nasima-{Guid.NewGuid():N}@patients.example";

        await client.RegisterAsync(email, "Str0ng-Pass!-2026", "Nasima Khatun");

        (await LanguageOfAsync(email)).Should().Be("bn");
        var mail = await app.WaitForMessageAsync(email, "আপনার ইমেইল নিশ্চিত করুন");
        WebUtility.HtmlDecode(mail.HtmlBody).Should().Contain("প্রিয় Nasima Khatun,").And.Contain("স্বাগতম!").And.NotContain("Welcome");
        Mailbox.LinkIn(mail, "ConfirmEmail").Should().NotBeNull("the link to confirm is there whatever the language");
    }

    [Fact]
    public async Task A_Bangla_reader_who_forgot_the_password_is_answered_and_mailed_in_Bangla()
    {
        var email = $"shapla-{Guid.NewGuid():N}@patients.example";
        var registering = app.CreateBrowserLikeClient();
        await registering.GetAsync("/language/bn?back=/Account/Register");
        await registering.RegisterAsync(email, "Str0ng-Pass!-2026", "Shapla Akter");
        var elsewhere = app.CreateBrowserLikeClient();
        await elsewhere.GetAsync("/language/bn?back=/Account/ForgotPassword");

        await elsewhere.PostFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        (await elsewhere.GetStringAsync("/Account/ForgotPasswordConfirmation")).Should().Contain("<h1>আপনার ইমেইল দেখুন</h1>").And.NotContain("Check your email");
        var mail = await app.WaitForMessageAsync(email, "আপনার পাসওয়ার্ড নতুন করে নিন");
        WebUtility.HtmlDecode(mail.HtmlBody).Should().Contain("নতুন পাসওয়ার্ড বেছে নিন").And.NotContain("Choose a new password");
        Mailbox.LinkIn(mail, "Account/ResetPassword").Should().NotBeNull();
    }

    [Fact]
    public async Task The_forgotten_password_mail_of_an_English_account_stays_English_whatever_the_page_reads()
    {
        var email = $"selim-{Guid.NewGuid():N}@patients.example";
        await app.CreateBrowserLikeClient().RegisterAsync(email, "Str0ng-Pass!-2026", "Selim Reza");
        var reading = app.CreateBrowserLikeClient();
        await reading.GetAsync("/language/bn?back=/Account/ForgotPassword");

        await reading.PostFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        var mail = await app.WaitForMessageAsync(email, "Reset your password");
        WebUtility.HtmlDecode(mail.HtmlBody).Should().Contain("Hello Selim Reza,").And.Contain("Choose a new password");
    }

    private async Task<string?> LanguageOfAsync(string email)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync();
    }

    [Fact]
    public async Task A_doctor_s_week_says_its_seats_times_and_rules_in_Bangla()
    {
        Guid tanvir;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
            tanvir = await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/doctors/{tanvir}");
        request.Headers.Add("Cookie", BanglaCookie);

        var page = await (await app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();

        page.Should().Contain("18 বছরের অভিজ্ঞতা")
            .And.Contain("সময়গুলো ঢাকার সময় অনুযায়ী")
            .And.Contain("টি আসন")
            .And.Contain("সাইন ইন")
            .And.NotContain("Times are in").And.NotContain("years of experience");
    }

    [Fact]
    public async Task A_sign_in_form_left_empty_says_what_is_missing_in_Bangla()
    {
        var client = app.CreateBrowserLikeClient();
        await client.GetAsync("/language/bn?back=/Account/Login");

        var answer = await client.PostFormAsync("/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = "",
            ["Input.Password"] = "",
        });

        var page = await answer.Content.ReadAsStringAsync();
        page.Should().Contain("<h1>সাইন ইন</h1>").And.Contain("আপনার ইমেইল লিখুন।").And.Contain("আপনার পাসওয়ার্ড লিখুন।")
            .And.NotContain("Enter your email.");
    }
}
