using System.Net;
using System.Net.Http.Json;
using Clinic.Tests.Api;
using Clinic.Tests.Support;

namespace Clinic.Tests.Security;

/// <summary>Each test gets a fresh app with the shipped limits, so one test's attempts do not count against another's.</summary>
public sealed class ThrottleTests : IAsyncLifetime
{
    private sealed class ShippedLimits : ClinicAppFactory
    {
        // The base factory lifts the limits for the rest of the suite; put the shipped ones back.
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Clinic:Security:Throttle:SignInPerClient:Permits"] = "30",
            ["Clinic:Security:Throttle:SignInPerAccount:Permits"] = "10",
            ["Clinic:Security:Throttle:RegistrationPerClient:Permits"] = "10",
            ["Clinic:Security:Throttle:ResetMailsPerClient:Permits"] = "10",
        };
    }

    private readonly ShippedLimits app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_burst_of_wrong_passwords_from_one_client_is_refused_after_30_even_across_accounts()
    {
        var client = app.CreateBrowserLikeClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 32; i++)
            answers.Add((await client.SignInAsync($"guess-{i}@patients.example", "Wrong-Pass-1")).StatusCode);

        answers.Take(30).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        answers.Skip(30).Should().AllBeEquivalentTo(HttpStatusCode.TooManyRequests);
        var refused = await client.SignInAsync("ayesha@patients.example", app.DemoPassword);
        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "even the right password waits once the client is throttled");
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Too many sign-in attempts");
    }

    [Fact]
    public async Task Guessing_one_account_s_password_is_refused_after_10_tries_whatever_the_client()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
            answers.Add((await app.CreateBrowserLikeClient().SignInAsync("rahim@patients.example", $"Wrong-Pass-{i}")).StatusCode);

        answers.Take(10).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        answers[10].Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task API_sign_in_is_throttled_per_account_with_a_ProblemDetails_and_Retry_After()
    {
        var http = app.CreateClient();
        for (var i = 0; i < 10; i++)
            (await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "mitu@patients.example", password = "Wrong-Pass-1" })).StatusCode
                .Should().Be(HttpStatusCode.Unauthorized);

        var refused = await http.PostAsJsonAsync("/api/v1/auth/login", new { email = "mitu@patients.example", password = app.DemoPassword });

        await refused.ShouldBeProblemAsync(429, "rate_limited");
        refused.Headers.RetryAfter!.Delta.Should().BePositive();
    }

    [Fact]
    public async Task One_client_cannot_create_accounts_in_bulk()
    {
        var client = app.CreateBrowserLikeClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
            answers.Add((await client.RegisterAsync($"bulk-{i}-{Guid.NewGuid():N}@patients.example", "a quiet lake at dusk")).StatusCode);

        answers.Take(10).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        answers[10].Should().Be(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Asking_25_resets_for_one_account_sends_three_mails_and_answers_each_the_same()
    {
        var answers = new List<string?>();
        for (var i = 0; i < 25; i++)
        {
            // A new client each time: the per-account limit is what protects the inbox.
            var asked = await app.CreateBrowserLikeClient().PostFormAsync("/Account/ForgotPassword", "forgot-password",
                new Dictionary<string, string> { ["Input.Email"] = "ayesha@patients.example" });
            answers.Add(asked.StatusCode == HttpStatusCode.TooManyRequests ? "429" : asked.RedirectPath());
        }
        await Task.Delay(500);

        answers.Take(10).Should().AllBe("/Account/ForgotPasswordConfirmation");
        app.MessagesTo("ayesha@patients.example").Count(m => m.Subject == "Reset your password").Should().Be(3);
    }
}
