using System.Net;
using Clinic.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Security;

public sealed class EmailLinkTests(ProductionAppFactory app) : IClassFixture<ProductionAppFactory>
{
    [Fact]
    public async Task A_reset_asked_for_with_a_forged_Host_header_still_links_to_the_clinic_s_own_address()
    {
        var client = app.CreateHttpsClient();
        var form = await client.GetAsync("/Account/ForgotPassword");
        var token = HttpForms.AntiforgeryTokenIn(await form.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "forgot-password",
                ["Input.Email"] = "owner@gomoti.example",
            }),
        };
        request.Headers.Host = "evil.example";

        var asked = await client.SendAsync(request);

        asked.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var mail = await app.WaitForMessageAsync("owner@gomoti.example", "Reset your password");
        var link = Mailbox.LinkIn(mail, "ResetPassword");
        link.GetLeftPart(UriPartial.Authority).Should().Be(ProductionAppFactory.PublicBaseUrl);
        (mail.HtmlBody ?? "").Should().NotContain("evil.example");
    }

    [Fact]
    public void Every_emailed_link_starts_with_the_configured_public_address()
    {
        var links = app.Services.GetRequiredService<Clinic.Web.Email.PasswordLinks>();

        foreach (var link in new[] { links.Reset("token"), links.ConfirmEmail("user", "token", "/doctors"), links.SignIn(), links.ForgotPassword() })
            System.Net.WebUtility.HtmlDecode(link).Should().StartWith(ProductionAppFactory.PublicBaseUrl + "/Account/");
    }

    [Fact]
    public async Task A_registration_confirmation_links_to_the_clinic_s_own_address_whatever_the_Host()
    {
        var client = app.CreateClient(new() { BaseAddress = new Uri("https://evil.example"), AllowAutoRedirect = false });
        var email = $"host-{Guid.NewGuid():N}@patients.example";

        (await client.RegisterAsync(email, "a quiet lake at dusk")).StatusCode.Should().Be(HttpStatusCode.OK);

        var link = Mailbox.LinkIn(await app.WaitForMessageAsync(email, "Confirm your email"), "ConfirmEmail");
        link.GetLeftPart(UriPartial.Authority).Should().Be(ProductionAppFactory.PublicBaseUrl);
    }
}
