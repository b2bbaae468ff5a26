using System.Net;
using System.Text.RegularExpressions;
using Clinic.Data.Team;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Clinic.Tests.Integration;

public sealed partial class AccountFlowTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private static string NewEmail() => $"patient-{Guid.NewGuid():N}@patients.example";
    private const string Password = "Str0ng-Pass!";

    [Fact]
    public async Task A_new_patient_registers_and_lands_on_their_home_page()
    {
        var client = app.CreateBrowserLikeClient();

        var registered = await client.RegisterAsync(NewEmail(), Password, fullName: "Nadia Karim");

        registered.StatusCode.Should().Be(HttpStatusCode.Redirect);
        registered.RedirectPath().Should().Be("/patient");
        var home = await client.GetStringAsync("/patient");
        home.Should().Contain("Welcome, Nadia Karim");
    }

    [Fact]
    public async Task Registration_with_bad_details_shows_every_reason_and_creates_nothing()
    {
        var client = app.CreateBrowserLikeClient();
        var email = NewEmail();

        var response = await client.RegisterAsync(email, Password, phone: "not a phone", dateOfBirth: "2999-01-01");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        html.Should().Contain("Phone must be 7 to 20 digits").And.Contain("Date of birth cannot be in the future.");
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
        (await response.Content.ReadAsStringAsync()).Should().Contain("The email or password is not right.");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var client = app.CreateBrowserLikeClient();
        var email = NewEmail();
        (await client.RegisterAsync(email, Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stranger = app.CreateBrowserLikeClient();

        for (var attempt = 1; attempt <= 4; attempt++)
            (await stranger.SignInAsync(email, "Wrong-Pass-1")).StatusCode.Should().Be(HttpStatusCode.OK);
        var fifth = await stranger.SignInAsync(email, "Wrong-Pass-1");
        var rightPassword = await stranger.SignInAsync(email, Password);

        fifth.RedirectPath().Should().Be("/Account/Lockout");
        rightPassword.RedirectPath().Should().Be("/Account/Lockout");
    }

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
        (await refused.Content.ReadAsStringAsync()).Should().Contain("This account has been deactivated.");
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        var client = app.CreateBrowserLikeClient();
        var email = NewEmail();
        (await client.RegisterAsync(email, Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
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

    [Fact]
    public async Task Asking_a_reset_for_an_unknown_email_reveals_nothing_and_sends_nothing()
    {
        var email = NewEmail();

        var asked = await app.CreateBrowserLikeClient().PostFormAsync("/Account/ForgotPassword", "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });

        asked.RedirectPath().Should().Be("/Account/ForgotPasswordConfirmation");
        MessagesTo(email).Should().BeEmpty();
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

    private List<MimeMessage> MessagesTo(string email) =>
        Directory.Exists(app.PickupDirectory)
            ? [.. Directory.GetFiles(app.PickupDirectory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.Mailboxes.Any(t => t.Address == email))]
            : [];

    private async Task<string> ResetLinkSentToAsync(string email)
    {
        for (var i = 0; i < 50 && MessagesTo(email).Count == 0; i++)
            await Task.Delay(100);
        var message = MessagesTo(email).Should().ContainSingle().Subject;
        message.Subject.Should().Be("Reset your password");
        var href = ResetHref().Match(message.HtmlBody ?? "").Groups[1].Value;
        return new Uri(WebUtility.HtmlDecode(href)).PathAndQuery;
    }

    [GeneratedRegex("href=\"([^\"]*ResetPassword[^\"]*)\"")]
    private static partial Regex ResetHref();
}
