using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Support;

/// <summary>
/// The suite seeds a dozen demo accounts for nearly every test and signs in thousands of times: at
/// Identity's 100,000 PBKDF2 rounds that is minutes of both cores. Tests hash with fewer rounds; the
/// format, the algorithm and every code path are the shipped ones (the rounds are stored in each
/// hash, and the app runs with Identity's default).
/// </summary>
public static class TestPasswordCost
{
    public const int Rounds = 1_000;

    public static IServiceCollection UseTestPasswordCost(this IServiceCollection services) =>
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = Rounds);
}
