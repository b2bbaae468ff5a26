using Clinic.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Data.Seeding;

/// <summary>The four roles exist in every environment.</summary>
public sealed class RoleSetup(IServiceScopeFactory scopes)
{
    public async Task EnsureRolesAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in ClinicRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }
}
