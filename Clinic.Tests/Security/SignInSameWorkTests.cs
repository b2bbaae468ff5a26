using System.Net;
using Clinic.Data.Identity;
using Clinic.Data.Team;
using Clinic.Domain.Identity;
using Clinic.Tests.Api;
using Clinic.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Security;

/// <summary>
/// Time gives accounts away when an unknown email is answered without hashing anything: every refusal
/// must do the one password-hash verification a real account costs. Counted, not timed, so the test is
/// exact on a loaded machine (the timings themselves are in the README).
/// </summary>
public sealed class SignInSameWorkTests : IAsyncLifetime
{
    private sealed class CountingHasher : IPasswordHasher<ClinicUser>
    {
        private readonly PasswordHasher<ClinicUser> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(ClinicUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ClinicUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private sealed class CountingApp : ClinicAppFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<ClinicUser>>(Hasher));
        }
    }

    private readonly CountingApp app = new();

    public async Task InitializeAsync()
    {
        // A locked account and a deactivated one, made through the real rules.
        var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
            await client.SignInAsync("rahim@patients.example", "Wrong-Pass-1");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var owner = await users.FindByEmailAsync("owner@gomoti.example");
        var staff = await users.FindByEmailAsync("staff1@gomoti.example");
        (await app.Services.GetRequiredService<TeamAdministration>().SetActiveAsync(Actor.Of(owner!.Id, ClinicRoles.Owner), staff!.Id, active: false))
            .Succeeded.Should().BeTrue();
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData("nobody-here@patients.example", "Wrong-Pass-1", "an unknown email")]
    [InlineData("ayesha@patients.example", "Wrong-Pass-1", "a wrong password")]
    [InlineData("rahim@patients.example", "Wrong-Pass-1", "a locked account")]
    [InlineData("staff1@gomoti.example", "Wrong-Pass-1", "a deactivated account")]
    public async Task Every_refused_sign_in_verifies_exactly_one_password_hash_and_gets_the_same_page(string email, string password, string what)
    {
        var client = app.CreateBrowserLikeClient();
        await client.GetAsync("/Account/Login");
        var before = app.Hasher.Verifications;

        var response = await client.SignInAsync(email, password);

        (app.Hasher.Verifications - before).Should().Be(1, $"{what} must cost what a real account costs");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain(WebUtility.HtmlEncode("The email or password is not right, or this account cannot sign in now."));
    }

    [Theory]
    [InlineData("nobody-here@patients.example")]
    [InlineData("rahim@patients.example")]
    [InlineData("staff1@gomoti.example")]
    public async Task API_sign_in_refusals_verify_one_hash_and_read_alike(string email)
    {
        var http = app.CreateClient();
        var before = app.Hasher.Verifications;

        var refused = await http.PostAsync("/api/v1/auth/login", System.Net.Http.Json.JsonContent.Create(new { email, password = "Wrong-Pass-1" }));

        (app.Hasher.Verifications - before).Should().Be(1);
        var problem = await refused.ShouldBeProblemAsync(401, "sign_in_refused");
        problem.GetProperty("detail").GetString().Should().StartWith("Wrong email or password");
    }
}
