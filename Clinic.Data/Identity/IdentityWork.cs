using Clinic.Data.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Data.Identity;

/// <summary>
/// One short unit of work with Identity: a fresh scope, so the UserManager's DbContext lives
/// for this operation only and never for a whole circuit.
/// </summary>
public sealed class IdentityWork(IServiceScopeFactory scopes)
{
    public async Task<T> RunAsync<T>(Func<UserManager<ClinicUser>, ClinicDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return await work(users, db);
    }

    public Task RunAsync(Func<UserManager<ClinicUser>, ClinicDbContext, Task> work) =>
        RunAsync(async (users, db) =>
        {
            await work(users, db);
            return true;
        });
}

internal static class IdentityResultText
{
    public static string[] Errors(this IdentityResult result) => [.. result.Errors.Select(e => e.Description)];
}
