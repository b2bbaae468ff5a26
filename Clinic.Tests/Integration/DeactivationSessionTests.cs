using System.Net;
using Clinic.Data.Team;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Integration;

public sealed class DeactivationSessionTests
{
    /// <summary>The app checks sessions every minute; here on every request, so the test need not wait.</summary>
    private sealed class CheckEveryRequest : ClinicAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task Deactivating_a_doctor_ends_the_session_they_already_have()
    {
        await using var app = new CheckEveryRequest();
        var doctor = app.CreateBrowserLikeClient();
        (await doctor.SignInAsync("imran.hossain@gomoti.example", app.DemoPassword)).RedirectPath().Should().Be("/doctor");
        (await doctor.GetAsync("/doctor")).StatusCode.Should().Be(HttpStatusCode.OK);
        var (owner, doctorId) = await IdsAsync(app);

        (await app.Services.GetRequiredService<TeamAdministration>().SetActiveAsync(owner, doctorId, active: false)).Succeeded.Should().BeTrue();

        (await doctor.GetAsync("/doctor")).RedirectPath().Should().StartWith("/Account/Login");
    }

    private static async Task<(Actor Owner, string DoctorId)> IdsAsync(ClinicAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Clinic.Data.Identity.ClinicUser>>();
        var owner = await users.FindByEmailAsync("owner@gomoti.example");
        var doctor = await users.FindByEmailAsync("imran.hossain@gomoti.example");
        return (Actor.Of(owner!.Id, ClinicRoles.Owner), doctor!.Id);
    }
}
