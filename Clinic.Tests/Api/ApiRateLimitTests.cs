using System.Net;
using Clinic.Tests.Support;

namespace Clinic.Tests.Api;

/// <summary>The app with a tiny API budget: five calls, one more per minute.</summary>
public sealed class TightApiBudgetFactory : ClinicAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Clinic:Api:RateLimit:TokenLimit"] = "5",
        ["Clinic:Api:RateLimit:TokensPerPeriod"] = "1",
        ["Clinic:Api:RateLimit:ReplenishmentPeriod"] = "00:01:00",
    };
}

public sealed class ApiRateLimitTests(TightApiBudgetFactory app) : IClassFixture<TightApiBudgetFactory>
{
    [Fact]
    public async Task A_caller_over_the_budget_gets_429_with_retry_after_while_another_caller_is_still_served()
    {
        var ayesha = await ApiClient.SignInAsync(app, "ayesha@patients.example"); // the anonymous login spends from the IP's budget, not hers
        for (var i = 0; i < 5; i++)
            (await ayesha.GetAsync("/api/v1/notifications/unread-count")).StatusCode.Should().Be(HttpStatusCode.OK);

        var refused = await ayesha.GetAsync("/api/v1/notifications/unread-count");

        await refused.ShouldBeProblemAsync(429, "rate_limited");
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).Should().BeInRange(1, 60);
        var rahim = await ApiClient.SignInAsync(app, "rahim@patients.example");
        (await rahim.GetAsync("/api/v1/notifications/unread-count")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
