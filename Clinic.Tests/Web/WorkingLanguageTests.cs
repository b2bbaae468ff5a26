using System.Security.Claims;
using Clinic.Domain.Identity;
using Clinic.Web.Localization;
using Microsoft.AspNetCore.Http;

namespace Clinic.Tests.Web;

/// <summary>The owner's and doctors' screens and the API are in English whatever the browser or a past choice asks for; patients and the desk choose.</summary>
public sealed class WorkingLanguageTests
{
    [Theory]
    [InlineData("/api/v1/appointments", null, "en")]
    [InlineData("/clinic/agenda", ClinicRoles.Staff, null)]
    [InlineData("/clinic/agenda", ClinicRoles.Owner, "en")]
    [InlineData("/owner/settings", ClinicRoles.Owner, "en")]
    [InlineData("/doctor", ClinicRoles.Doctor, "en")]
    [InlineData("/patient/appointments", ClinicRoles.Patient, null)]
    [InlineData("/doctors", null, null)]
    public async Task The_owner_s_and_doctors_screens_and_the_API_are_in_English_and_the_rest_as_chosen(string path, string? role, string? forced)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        if (role is not null)
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "Cookies"));

        var answer = await new WorkingLanguage().DetermineProviderCultureResult(http);

        answer?.UICultures.Single().Value.Should().Be(forced);
        if (forced is null)
            answer.Should().BeNull("the cookie, then the browser, decide");
    }
}
