using System.Security.Claims;
using Clinic.Domain.Identity;
using Clinic.Web.Localization;
using Microsoft.AspNetCore.Http;

namespace Clinic.Tests.Web;

/// <summary>The API answers in English whatever the browser or a past choice asks for; every screen reads the language its reader chose, else the browser's, else the clinic's.</summary>
public sealed class WorkingLanguageTests
{
    [Theory]
    [InlineData("/api/v1/appointments", null, "en")]
    [InlineData("/clinic/agenda", ClinicRoles.Staff, null)]
    [InlineData("/api/v1/appointments", ClinicRoles.Owner, "en")]
    [InlineData("/clinic/agenda", ClinicRoles.Owner, null)]
    [InlineData("/owner/settings", ClinicRoles.Owner, null)]
    [InlineData("/doctor", ClinicRoles.Doctor, null)]
    [InlineData("/patient/appointments", ClinicRoles.Patient, null)]
    [InlineData("/doctors", null, null)]
    public async Task The_API_is_in_English_and_every_screen_as_chosen(string path, string? role, string? forced)
    {
        var http = new DefaultHttpContext();
        http.Request.Path = path;
        if (role is not null)
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone"), new Claim(ClaimTypes.Role, role)], "Cookies"));

        var answer = await new WorkingLanguage().DetermineProviderCultureResult(http);

        answer?.UICultures.Single().Value.Should().Be(forced);
        if (forced is null)
            answer.Should().BeNull("the cookie, then the browser or the clinic, decide");
    }

    [Theory]
    [InlineData("bn-BD,bn;q=0.9,en;q=0.5", "bn")]
    [InlineData("en-US,en;q=0.9,bn;q=0.8", "en")]
    [InlineData("en;q=0.4,bn;q=0.9", "bn")]
    [InlineData("fr-FR,bn;q=0.7", "bn")]
    [InlineData("fr-FR,de", null)]
    [InlineData("bn;q=0,en", "en")]
    [InlineData("", null)]
    public void A_browser_asks_for_the_first_of_the_clinic_s_languages_in_its_own_order(string header, string? asked)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.AcceptLanguage = header;

        UnchosenLanguage.BrowserAsksFor(http.Request)?.Code.Should().Be(asked);
        if (asked is null)
            UnchosenLanguage.BrowserAsksFor(http.Request).Should().BeNull("the clinic's own language decides");
    }
}
