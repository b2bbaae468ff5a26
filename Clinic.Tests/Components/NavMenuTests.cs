using Bunit;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Clinic.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Components;

public sealed class NavMenuTests
{
    private static async Task<IReadOnlyList<string>> LinksFor(params string[] roles)
    {
        await using var context = MudTestContext.Create(out _);
        var auth = context.AddAuthorization();
        if (roles.Length > 0)
        {
            auth.SetAuthorized("someone@clinic.example");
            auth.SetRoles(roles);
        }
        var menu = context.Render<NavMenu>();
        return [.. menu.FindAll("a").Select(a => a.GetAttribute("href") ?? "")];
    }

    [Fact]
    public async Task A_visitor_sees_the_clinic_sign_in_and_register() =>
        (await LinksFor()).Should().BeEquivalentTo(["/", "/doctors", "Account/Login", "Account/Register"]);

    [Fact]
    public async Task A_patient_sees_only_patient_pages() =>
        (await LinksFor(ClinicRoles.Patient)).Should().BeEquivalentTo(["/", "/doctors", "/patient", "/patient/appointments", "/patient/profile", "/messages", "/notifications", "Account/Manage/ChangePassword"]);

    [Fact]
    public async Task The_owner_sees_the_dashboard_and_the_team() =>
        (await LinksFor(ClinicRoles.Owner)).Should().BeEquivalentTo(["/", "/doctors", "/owner", "/owner/takings", "/owner/team", "/owner/branches", "/owner/types", "/owner/profile", "/owner/settings", "/clinic/agenda", "/clinic/requests", "/clinic/appointments", "/clinic/patients", "/clinic/book", "/clinic/frontdesk", "/clinic/availability", "/messages", "/notifications", "Account/Manage/ChangePassword"]);

    [Fact]
    public async Task Staff_see_the_front_office_and_not_the_owner_pages() =>
        (await LinksFor(ClinicRoles.Staff)).Should().BeEquivalentTo(["/", "/doctors", "/staff", "/clinic/agenda", "/clinic/requests", "/clinic/appointments", "/clinic/patients", "/clinic/book", "/clinic/frontdesk", "/clinic/availability", "/messages", "/notifications", "Account/Manage/ChangePassword"]);

    [Fact]
    public async Task A_doctor_sees_their_practice() =>
        (await LinksFor(ClinicRoles.Doctor)).Should().BeEquivalentTo(["/", "/doctors", "/doctor", "/doctor/schedule", "/clinic/frontdesk", "/clinic/appointments", "/clinic/agenda", "/clinic/patients", "/messages", "/notifications", "Account/Manage/ChangePassword"]);

    [Fact]
    public async Task The_page_being_shown_is_marked_and_the_mark_follows_navigation()
    {
        await using var context = MudTestContext.Create(out _);
        var auth = context.AddAuthorization();
        auth.SetAuthorized("ayesha@patients.example");
        auth.SetRoles(ClinicRoles.Patient);
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/patient/appointments/0192?tab=notes");
        var menu = context.Render<NavMenu>();
        string[] Active() => [.. menu.FindAll("a.active").Select(a => a.GetAttribute("href") ?? "")];

        // "My home" is marked on /patient alone, "My appointments" on anything under it too.
        Active().Should().Equal("/patient/appointments");

        navigation.NavigateTo("/patient");
        menu.WaitForAssertion(() => Active().Should().Equal("/patient"));
        navigation.NavigateTo("/doctors/44a9b082-bb9b-477a-bc36-6ac3ef67862b");
        menu.WaitForAssertion(() => Active().Should().Equal("/doctors"));
    }
}
