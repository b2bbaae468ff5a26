using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Clinic.Data.Identity;
using Clinic.Data.Team;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Api;

public sealed class ApiSessionTests : IAsyncLifetime
{
    /// <summary>Sessions are looked at again every 30 s in the app; on every request here, so the test need not wait.</summary>
    private sealed class CheckEveryRequest : ClinicAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Clinic:Security:Sessions:RecheckEvery"] = "00:00:00",
        };
    }

    private readonly CheckEveryRequest app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    private sealed record Tokens(string AccessToken, string RefreshToken);

    private async Task<Tokens> LoginAsync(string email, string? password = null)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = password ?? app.DemoPassword });
        response.EnsureSuccessStatusCode();
        return Read(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private async Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        await app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    private static Tokens Read(JsonElement body) => new(body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);

    private async Task<HttpStatusCode> MeAsync(string accessToken)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await http.GetAsync("/api/v1/me")).StatusCode;
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_gives_a_new_one()
    {
        var first = await LoginAsync("ayesha@patients.example");

        var refreshed = await RefreshAsync(first.RefreshToken);
        var again = await RefreshAsync(first.RefreshToken);

        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var second = Read(await refreshed.Content.ReadFromJsonAsync<JsonElement>());
        second.RefreshToken.Should().NotBe(first.RefreshToken);
        (await MeAsync(second.AccessToken)).Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a spent refresh token is refused");
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_every_token_of_that_sign_in_but_not_other_sign_ins()
    {
        var stolen = await LoginAsync("rahim@patients.example");
        var otherDevice = await LoginAsync("rahim@patients.example");
        var legitimate = Read(await (await RefreshAsync(stolen.RefreshToken)).Content.ReadFromJsonAsync<JsonElement>());

        (await RefreshAsync(stolen.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        (await RefreshAsync(legitimate.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the reuse revoked the family");
        (await RefreshAsync(otherDevice.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.OK, "another sign-in is another family");
    }

    [Fact]
    public async Task Two_refreshes_racing_with_one_token_get_at_most_one_new_token()
    {
        var tokens = await LoginAsync("mitu@patients.example");

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => RefreshAsync(tokens.RefreshToken)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().BeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task A_deactivated_account_s_access_token_stops_working()
    {
        var (owner, staffId, staffEmail) = await NewStaffAsync();
        var tokens = await LoginAsync(staffEmail, StaffPassword);
        (await MeAsync(tokens.AccessToken)).Should().Be(HttpStatusCode.OK);

        (await app.Services.GetRequiredService<TeamAdministration>().SetActiveAsync(owner, staffId, active: false)).Succeeded.Should().BeTrue();

        (await MeAsync(tokens.AccessToken)).Should().Be(HttpStatusCode.Unauthorized);
        (await RefreshAsync(tokens.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_tokens()
    {
        var (_, staffId, staffEmail) = await NewStaffAsync();
        var laptop = await LoginAsync(staffEmail, StaffPassword);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
            var user = await users.FindByIdAsync(staffId);
            (await users.ChangePasswordAsync(user!, StaffPassword, "a brand new passphrase")).Succeeded.Should().BeTrue();
        }

        (await MeAsync(laptop.AccessToken)).Should().Be(HttpStatusCode.Unauthorized);
        (await RefreshAsync(laptop.RefreshToken)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var after = await LoginAsync(staffEmail, "a brand new passphrase");
        (await MeAsync(after.AccessToken)).Should().Be(HttpStatusCode.OK);
    }

    private const string StaffPassword = "steady rain over the river";

    private async Task<(Actor Owner, string UserId, string Email)> NewStaffAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var owner = Actor.Of((await users.FindByEmailAsync("owner@gomoti.example"))!.Id, ClinicRoles.Owner);
        var created = await app.Services.GetRequiredService<TeamAdministration>()
            .CreateAsync(owner, new NewTeamMember("Desk Person", $"desk-{Guid.NewGuid():N}@gomoti.example", ClinicRoles.Staff, null));
        created.Succeeded.Should().BeTrue(created.Error);
        var user = await users.FindByIdAsync(created.Value!.UserId);
        (await users.ResetPasswordAsync(user!, created.Value.PasswordToken, StaffPassword)).Succeeded.Should().BeTrue();
        return (owner, created.Value.UserId, created.Value.Email);
    }
}
