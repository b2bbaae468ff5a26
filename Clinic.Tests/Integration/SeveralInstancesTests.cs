using System.Net;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Integration;

/// <summary>
/// Behind a load balancer a person's next request may reach another instance: what one instance
/// issued (the sign-in cookie, a form's antiforgery token) is honoured by the other, because the
/// keys that protect them live in the shared database.
/// </summary>
public sealed class SeveralInstancesTests
{
    private static HttpClient Client(ClinicAppFactory app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

    [Fact]
    public async Task A_sign_in_cookie_and_a_form_token_issued_by_one_instance_are_accepted_by_the_other()
    {
        await using var instances = ClinicInstances.Start(RedisProcess.SuiteRedis);
        var onA = Client(instances.A);
        var onB = Client(instances.B);

        // The login form comes from A; the browser posts it to B.
        var form = await onA.GetAsync("/Account/Login");
        var token = HttpForms.AntiforgeryTokenIn(await form.Content.ReadAsStringAsync());
        var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = "ayesha@patients.example",
                ["Input.Password"] = instances.A.DemoPassword,
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
            }),
        };
        post.Headers.Add("Cookie", Cookies(form));
        var signedIn = await onB.SendAsync(post);
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "B accepts the antiforgery token A issued");
        signedIn.RedirectPath().Should().Be("/patient");

        // The cookie B issued opens a signed-in page on A.
        var page = new HttpRequestMessage(HttpMethod.Get, "/notifications");
        page.Headers.Add("Cookie", Cookies(signedIn));
        var notifications = await onA.SendAsync(page);
        notifications.StatusCode.Should().Be(HttpStatusCode.OK, "A reads the sign-in cookie B issued");

        // Not by luck of a shared home folder: the key ring is the database's.
        await using var db = await instances.A.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        (await db.DataProtectionKeys.CountAsync()).Should().BeGreaterThan(0);
    }
}
