using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Persistence;
using Clinic.Domain.Identity;
using Clinic.Tests.Api;
using Clinic.Tests.Support;
using Clinic.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Integration;

/// <summary>
/// The language the clinic opens in (the owner's clinic profile): what a visitor who has not chosen
/// reads, and what an invitation and the mail of an account without a language are written in. Each
/// test leaves the clinic in English.
/// </summary>
public sealed class ClinicLanguageTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private const string EnglishBrowser = "en-US,en;q=0.9";

    [Fact]
    public async Task A_clinic_that_opens_in_Bangla_greets_an_English_browser_in_Bangla_and_a_reader_who_chose_English_in_English()
    {
        (await HomeAsync(EnglishBrowser)).Should().Contain("<html lang=\"en\"");
        await OpenInAsync("bn");
        try
        {
            (await HomeAsync(EnglishBrowser)).Should().Contain("<html lang=\"bn\"").And.Contain("আমাদের ডাক্তার").And.Contain(">English<");
            (await HomeAsync(null)).Should().Contain("<html lang=\"bn\"");
            var choseEnglish = app.CreateBrowserLikeClient();
            await choseEnglish.GetAsync("/language/en");
            (await choseEnglish.GetStringAsync("/")).Should().Contain("<html lang=\"en\"").And.Contain("Our doctors");
            (await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/clinic")).GetProperty("language").GetString().Should().Be("bn");
        }
        finally
        {
            await OpenInAsync("en");
        }
        (await HomeAsync(EnglishBrowser)).Should().Contain("<html lang=\"en\"", "the owner's change back reaches the next page at once");
    }

    [Fact]
    public async Task The_owner_s_programs_keep_the_language_when_they_leave_it_out_and_an_unknown_one_is_refused()
    {
        var owner = await ApiClient.SignInAsync(app, "owner@gomoti.example");
        await OpenInAsync("bn");
        try
        {
            var withoutLanguage = await ProfileAsync(language: null);
            withoutLanguage.Remove("language");
            (await owner.Http.PutAsJsonAsync("/api/v1/clinic/profile", withoutLanguage)).StatusCode.Should().Be(HttpStatusCode.NoContent);
            (await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/clinic")).GetProperty("language").GetString().Should().Be("bn");

            var french = await owner.Http.PutAsJsonAsync("/api/v1/clinic/profile", await ProfileAsync("fr"));
            (await french.ShouldBeProblemAsync(400, "invalid")).GetProperty("errors").EnumerateArray().Select(e => e.GetString())
                .Should().Contain("The clinic speaks English (en) or Bangla (bn).");
            (await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/clinic")).GetProperty("language").GetString().Should().Be("bn");
        }
        finally
        {
            await OpenInAsync("en");
        }
    }

    [Fact]
    public async Task An_invitation_is_written_in_the_clinic_s_language_with_its_link()
    {
        var invitations = app.Services.GetRequiredService<IdentityEmailSender>();
        var english = $"rafiq-{Guid.NewGuid():N}@gomoti.example";
        var bangla = $"laila-{Guid.NewGuid():N}@gomoti.example";

        await invitations.SendInvitationAsync(english, "Rafiq Islam", "Gomoti Hospital", ClinicRoles.Staff, "https://clinic.example/Account/ResetPassword?code=a");
        await OpenInAsync("bn");
        try
        {
            await invitations.SendInvitationAsync(bangla, "Dr. Laila Arjumand", "Gomoti Hospital", ClinicRoles.Doctor, "https://clinic.example/Account/ResetPassword?code=b");
        }
        finally
        {
            await OpenInAsync("en");
        }

        var inEnglish = await app.WaitForMessageAsync(english, "Your Gomoti Hospital account");
        WebUtility.HtmlDecode(inEnglish.HtmlBody).Should().Contain("Hello Rafiq Islam,").And.Contain("Gomoti Hospital has made you an account for its front desk");
        var inBangla = await app.WaitForMessageAsync(bangla, "Gomoti Hospital-এ আপনার অ্যাকাউন্ট");
        WebUtility.HtmlDecode(inBangla.HtmlBody).Should().Contain("প্রিয় Dr. Laila Arjumand,").And.Contain("ডাক্তার হিসেবে একটি অ্যাকাউন্ট খুলেছে")
            .And.Contain("আপনার পাসওয়ার্ড বেছে নিন").And.NotContain("Choose your password");
        Mailbox.LinkIn(inBangla, "code=b").Should().NotBeNull();
    }

    [Fact]
    public async Task An_account_without_a_language_is_mailed_in_the_clinic_s_and_one_that_chose_English_in_English()
    {
        var unchosen = $"kamal-{Guid.NewGuid():N}@patients.example";
        var english = $"jui-{Guid.NewGuid():N}@patients.example";
        var choseEnglish = app.CreateBrowserLikeClient();
        await choseEnglish.GetAsync("/language/en");
        await choseEnglish.RegisterAsync(unchosen, "Str0ng-Pass!-2026", "Kamal Uddin");
        await choseEnglish.RegisterAsync(english, "Str0ng-Pass!-2026", "Jui Akter");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync())
        {
            (await db.Users.Where(u => u.Email == english).Select(u => u.Language).SingleAsync()).Should().Be("en", "registering in English is a choice too");
            // As an account made before the clinic had languages.
            await db.Users.Where(u => u.Email == unchosen).ExecuteUpdateAsync(u => u.SetProperty(x => x.Language, (string?)null));
        }

        await OpenInAsync("bn");
        try
        {
            foreach (var email in new[] { unchosen, english })
                await choseEnglish.PostFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        }
        finally
        {
            await OpenInAsync("en");
        }

        WebUtility.HtmlDecode((await app.WaitForMessageAsync(unchosen, "আপনার পাসওয়ার্ড নতুন করে নিন")).HtmlBody).Should().Contain("প্রিয় Kamal Uddin,");
        WebUtility.HtmlDecode((await app.WaitForMessageAsync(english, "Reset your password")).HtmlBody).Should().Contain("Hello Jui Akter,");
    }

    private async Task<string> HomeAsync(string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage is not null)
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        return await (await app.CreateClient().SendAsync(request)).Content.ReadAsStringAsync();
    }

    /// <summary>As the owner saves it on the clinic's profile.</summary>
    private async Task OpenInAsync(string language)
    {
        var owner = await ApiClient.SignInAsync(app, "owner@gomoti.example");
        (await owner.Http.PutAsJsonAsync("/api/v1/clinic/profile", await ProfileAsync(language))).StatusCode.Should().Be(HttpStatusCode.NoContent);
    }

    /// <summary>The clinic's profile as it is, with <paramref name="language"/>.</summary>
    private async Task<Dictionary<string, string?>> ProfileAsync(string? language)
    {
        var clinic = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/clinic");
        return new Dictionary<string, string?>
        {
            ["name"] = clinic.GetProperty("name").GetString(),
            ["address"] = clinic.GetProperty("address").GetString(),
            ["phone"] = clinic.GetProperty("phone").GetString(),
            ["email"] = clinic.GetProperty("email").GetString(),
            ["openingHours"] = clinic.GetProperty("openingHours").GetString(),
            ["language"] = language,
        };
    }
}
