using System.Net;
using System.Text.RegularExpressions;
using Clinic.Data.Team;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Integration;

public sealed partial class AccountFlowTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static string NewEmail() => $"patient-{Guid.NewGuid():N}@patients.example";
    private const string Password = "Str0ng-Pass!";

    [Fact]
    public async Task A_new_patient_registers_confirms_their_email_and_lands_on_their_home_page()
    {
        var client = app.CreateBrowserLikeClient();
        var email = NewEmail();

        var registered = await client.RegisterAsync(email, Password, fullName: "Nadia Karim");
        (await client.SignInAsync(email, Password)).StatusCode.Should().Be(HttpStatusCode.OK, "an unconfirmed account cannot sign in yet");
        var mail = await app.WaitForMessageAsync(email, "Confirm your email");
        var confirmed = await client.GetAsync(Mailbox.LinkIn(mail, "ConfirmEmail").PathAndQuery);

        (await registered.Content.ReadAsStringAsync()).Should().Contain("Check your email");
        confirmed.RedirectPath().Should().Be("/patient");
        var home = await client.GetStringAsync("/patient");
        home.Should().Contain("Welcome, Nadia Karim");
    }

    [Fact]
    public async Task Registering_with_a_taken_email_answers_exactly_as_for_a_new_one_and_mails_the_owner_instead()
    {
        var fresh = NewEmail();
        var taken = "rahim@patients.example";

        var forFresh = await app.CreateBrowserLikeClient().RegisterAsync(fresh, Password);
        var forTaken = await app.CreateBrowserLikeClient().RegisterAsync(taken, Password);

        forTaken.StatusCode.Should().Be(forFresh.StatusCode);
        Normalised(await forTaken.Content.ReadAsStringAsync(), taken).Should().Be(Normalised(await forFresh.Content.ReadAsStringAsync(), fresh));
        var notice = await app.WaitForMessageAsync(taken, "You already have an account");
        Mailbox.LinkIn(notice, "Account/ForgotPassword").Should().NotBeNull();
        (await app.CreateBrowserLikeClient().SignInAsync(taken, app.DemoPassword)).RedirectPath().Should().Be("/patient", "the existing account is untouched");
    }

    [Fact]
    public async Task A_confirmation_link_with_a_forged_code_signs_nobody_in()
    {
        var client = app.CreateBrowserLikeClient();
        var email = NewEmail();
        await client.RegisterAsync(email, Password);
        var link = Mailbox.LinkIn(await app.WaitForMessageAsync(email, "Confirm your email"), "ConfirmEmail");
        var forged = Regex.Replace(link.PathAndQuery, "code=[^&]+", "code=Zm9yZ2Vk");

        var response = await client.GetAsync(forged);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("not valid");
        (await client.GetAsync("/patient")).RedirectPath().Should().StartWith("/Account/Login");
    }

    // The page differs only by the email it names and the per-request tokens and nonces.
    private static string Normalised(string html, string email) =>
        Regex.Replace(Regex.Replace(Regex.Replace(html.Replace(email, "EMAIL"), "value=\"[^\"]{40,}\"", "value=\"TOKEN\""), "nonce=\"[^\"]+\"", "nonce=\"N\""),
            "<!--Blazor-Server-Component-State:[^>]*-->", "");

    [Fact]
    public async Task Registration_with_bad_details_shows_every_reason_and_creates_nothing()
    {
        var client = app.CreateBrowserLikeClient();
        var email = NewEmail();

        var response = await client.RegisterAsync(email, Password, phone: "not a phone", dateOfBirth: "2999-01-01");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("Write the phone number with 7 to 20 digits").And.Contain("Date of birth cannot be in the future.");
        (await client.SignInAsync(email, Password)).StatusCode.Should().Be(HttpStatusCode.OK, "no account was created");
    }

    [Theory]
    [InlineData("owner@gomoti.example", "/owner")]
    [InlineData("staff1@gomoti.example", "/staff")]
    [InlineData("tanvir.ahmed@gomoti.example", "/doctor")]
    [InlineData("ayesha@patients.example", "/patient")]
    public async Task Each_demo_login_works_and_lands_on_its_role_home(string email, string home)
    {
        var client = app.CreateBrowserLikeClient();

        var response = await client.SignInAsync(email, app.DemoPassword);

        response.RedirectPath().Should().Be(home);
        (await client.GetAsync(home)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        var response = await app.CreateBrowserLikeClient().SignInAsync("rahim@patients.example", "Wrong-Pass-1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("The email or password is not right");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_and_the_answer_matches_an_unknown_email()
    {
        var email = NewEmail();
        (await app.RegisterAndConfirmAsync(app.CreateBrowserLikeClient(), email, Password)).RedirectPath().Should().Be("/patient");
        var stranger = app.CreateBrowserLikeClient();

        for (var attempt = 1; attempt <= 5; attempt++)
            (await stranger.SignInAsync(email, "Wrong-Pass-1")).StatusCode.Should().Be(HttpStatusCode.OK);
        var rightPassword = await stranger.SignInAsync(email, Password);
        var unknown = await stranger.SignInAsync(NewEmail(), Password);

        rightPassword.StatusCode.Should().Be(HttpStatusCode.OK, "the locked account does not sign in");
        Refusal(await rightPassword.Content.ReadAsStringAsync()).Should().Be(Refusal(await unknown.Content.ReadAsStringAsync()))
            .And.Contain("The email or password is not right");
    }

    private static string Refusal(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "data-testid=\"status-message\">([^<]*)<").Groups[1].Value);

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in()
    {
        var team = app.Services.GetRequiredService<TeamAdministration>();
        var ownerClient = app.CreateBrowserLikeClient();
        var owner = await OwnerAsync();
        var created = await team.CreateAsync(owner, new NewTeamMember("Temp Staff", $"temp-{Guid.NewGuid():N}@gomoti.example", ClinicRoles.Staff, null));
        created.Succeeded.Should().BeTrue(created.Error);
        await SetPasswordAsync(created.Value!.UserId, created.Value.PasswordToken);
        (await ownerClient.SignInAsync(created.Value.Email, Password)).RedirectPath().Should().Be("/staff");

        (await team.SetActiveAsync(owner, created.Value.UserId, active: false)).Succeeded.Should().BeTrue();
        var refused = await app.CreateBrowserLikeClient().SignInAsync(created.Value.Email, Password);

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("cannot sign in now");
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        var email = NewEmail();
        (await app.RegisterAndConfirmAsync(app.CreateBrowserLikeClient(), email, Password)).RedirectPath().Should().Be("/patient");
        var visitor = app.CreateBrowserLikeClient();

        var asked = await visitor.PostFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        asked.RedirectPath().Should().Be("/Account/ForgotPasswordConfirmation");
        var link = await ResetLinkSentToAsync(email);
        var reset = await visitor.PostFormAsync(link, "reset-password", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "N3w-Password!",
            ["Input.ConfirmPassword"] = "N3w-Password!",
        });

        reset.RedirectPath().Should().Be("/Account/ResetPasswordConfirmation");
        (await app.CreateBrowserLikeClient().SignInAsync(email, "N3w-Password!")).RedirectPath().Should().Be("/patient");
        (await app.CreateBrowserLikeClient().SignInAsync(email, Password)).StatusCode.Should().Be(HttpStatusCode.OK, "the old password no longer works");
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task An_off_site_ReturnUrl_on_sign_in_goes_to_the_role_home_instead(string returnUrl)
    {
        var client = app.CreateBrowserLikeClient();

        var response = await client.PostFormAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", "login",
            new Dictionary<string, string> { ["Input.Email"] = "ayesha@patients.example", ["Input.Password"] = app.DemoPassword });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.RedirectPath().Should().Be("/patient");
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    public async Task An_off_site_ReturnUrl_on_registration_is_dropped_and_the_confirmation_lands_home(string returnUrl)
    {
        var client = app.CreateBrowserLikeClient();
        var email = NewEmail();

        var registered = await client.PostFormAsync($"/Account/Register?ReturnUrl={Uri.EscapeDataString(returnUrl)}", "register", new Dictionary<string, string>
        {
            ["Input.FullName"] = "Off Site", ["Input.Email"] = email, ["Input.Phone"] = "+880 1711 123456",
            ["Input.DateOfBirth"] = "1990-05-17", ["Input.Password"] = Password, ["Input.ConfirmPassword"] = Password,
        });
        registered.StatusCode.Should().Be(HttpStatusCode.OK);
        var link = Mailbox.LinkIn(await app.WaitForMessageAsync(email, "Confirm your email"), "ConfirmEmail");
        var forged = await client.GetAsync(link.PathAndQuery + "&returnUrl=" + Uri.EscapeDataString(returnUrl));

        link.Query.Should().NotContain("evil");
        forged.RedirectPath().Should().Be("/patient");
    }

    [Fact]
    public async Task A_sign_in_with_an_over_long_email_is_refused_at_the_form()
    {
        var response = await app.CreateBrowserLikeClient().SignInAsync(new string('a', 300) + "@patients.example", "Wrong-Pass-1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("at most 254 characters");
    }

    [Fact]
    public async Task Asking_a_reset_for_an_unknown_email_reveals_nothing_and_sends_nothing()
    {
        var email = NewEmail();

        var asked = await app.CreateBrowserLikeClient().PostFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        asked.RedirectPath().Should().Be("/Account/ForgotPasswordConfirmation");
        app.MessagesTo(email).Should().BeEmpty();
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("mitu@patients.example", app.DemoPassword);
        (await client.GetAsync("/patient")).StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await client.GetStringAsync("/Account/Manage/ChangePassword");

        var signedOut = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HttpForms.AntiforgeryTokenIn(page),
        }));

        signedOut.RedirectPath().Should().Be("/");
        (await client.GetAsync("/patient")).RedirectPath().Should().StartWith("/Account/Login");
    }

    [Fact]
    public async Task Another_site_cannot_sign_a_patient_out_without_the_form_token()
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("mitu@patients.example", app.DemoPassword);

        var forged = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/patient")).StatusCode.Should().Be(HttpStatusCode.OK, "the session is still there");
    }

    private async Task<Actor> OwnerAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Clinic.Data.Identity.ClinicUser>>();
        var owner = await users.FindByEmailAsync("owner@gomoti.example");
        return Actor.Of(owner!.Id, ClinicRoles.Owner);
    }

    private async Task SetPasswordAsync(string userId, string token)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Clinic.Data.Identity.ClinicUser>>();
        var user = await users.FindByIdAsync(userId);
        (await users.ResetPasswordAsync(user!, token, Password)).Succeeded.Should().BeTrue();
    }

    private async Task<string> ResetLinkSentToAsync(string email)
    {
        var message = await app.WaitForMessageAsync(email, "Reset your password");
        return Mailbox.LinkIn(message, "ResetPassword").PathAndQuery;
    }
}
