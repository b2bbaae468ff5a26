using System.Net;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;

namespace Clinic.Tests.Integration;

/// <summary>Every role's pages are refused to every other role by the server, not by hidden links.</summary>
public sealed class RoleAccessTests(RoleAccessTests.SignedInClients clients) : IClassFixture<RoleAccessTests.SignedInClients>
{
    public sealed class SignedInClients : ClinicAppFactory, IAsyncLifetime
    {
        public Dictionary<string, HttpClient> ByRole { get; } = [];

        public async Task InitializeAsync()
        {
            foreach (var (role, email) in new[]
            {
                (ClinicRoles.Owner, "owner@gomoti.example"),
                (ClinicRoles.Staff, "staff2@gomoti.example"),
                (ClinicRoles.Doctor, "nusrat.jahan@gomoti.example"),
                (ClinicRoles.Patient, "jamal@patients.example"),
            })
            {
                var client = CreateBrowserLikeClient();
                (await client.SignInAsync(email, DemoPassword)).RedirectPath().Should().Be(ClinicRoles.HomePath(role));
                ByRole[role] = client;
            }
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    public static TheoryData<string, string> PagesAndTheirRole => new()
    {
        { "/owner", ClinicRoles.Owner },
        { "/owner/team", ClinicRoles.Owner },
        { "/owner/branches", ClinicRoles.Owner },
        { "/owner/takings", ClinicRoles.Owner },
        { "/staff", ClinicRoles.Staff },
        { "/doctor", ClinicRoles.Doctor },
        { "/patient", ClinicRoles.Patient },
        { "/patient/profile", ClinicRoles.Patient },
        { "/patient/appointments", ClinicRoles.Patient },
    };

    [Theory]
    [MemberData(nameof(PagesAndTheirRole))]
    public async Task The_page_opens_for_its_own_role(string path, string role) =>
        (await clients.ByRole[role].GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);

    [Theory]
    [MemberData(nameof(PagesAndTheirRole))]
    public async Task Every_other_role_is_refused_by_the_server(string path, string role)
    {
        foreach (var other in ClinicRoles.All.Where(r => r != role))
        {
            var response = await clients.ByRole[other].GetAsync(path);

            response.StatusCode.Should().Be(HttpStatusCode.Redirect, $"{other} must not open {path}");
            response.RedirectPath().Should().StartWith("/Account/AccessDenied", $"{other} must be refused {path}");
        }
    }

    [Theory]
    [MemberData(nameof(PagesAndTheirRole))]
    public async Task A_signed_out_visitor_is_sent_to_sign_in(string path, string _)
    {
        var response = await clients.CreateBrowserLikeClient().GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.RedirectPath().Should().StartWith("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(path));
    }

    public static TheoryData<string, string[]> SharedPages => new()
    {
        { "/clinic/availability", [ClinicRoles.Owner, ClinicRoles.Staff] },
        { "/doctor/schedule", [ClinicRoles.Doctor, ClinicRoles.Owner, ClinicRoles.Staff] },
        { "/clinic/requests", [ClinicRoles.Owner, ClinicRoles.Staff] },
        { "/clinic/book", [ClinicRoles.Owner, ClinicRoles.Staff] },
        { "/clinic/frontdesk", [ClinicRoles.Owner, ClinicRoles.Staff, ClinicRoles.Doctor] },
        { "/clinic/appointments", [ClinicRoles.Owner, ClinicRoles.Staff, ClinicRoles.Doctor] },
    };

    [Theory]
    [MemberData(nameof(SharedPages))]
    public async Task Pages_shared_by_several_roles_open_for_them_and_refuse_the_others(string path, string[] roles)
    {
        foreach (var role in ClinicRoles.All)
        {
            var response = await clients.ByRole[role].GetAsync(path);
            if (roles.Contains(role))
                response.StatusCode.Should().Be(HttpStatusCode.OK, $"{role} may open {path}");
            else
                response.RedirectPath().Should().StartWith("/Account/AccessDenied", $"{role} must be refused {path}");
        }
    }

    [Fact]
    public async Task A_doctor_s_public_availability_is_open_to_everyone()
    {
        var html = await clients.CreateBrowserLikeClient().GetStringAsync("/doctors");

        html.Should().Contain("Next available").And.Contain("Dr. Tanvir Ahmed");
    }

    [Fact]
    public async Task The_landing_page_is_open_to_everyone()
    {
        var html = await clients.CreateBrowserLikeClient().GetStringAsync("/");

        html.Should().Contain("Gomoti Hospital").And.Contain("Dr. Farhana Rahman");
    }
}
