using System.Net;
using Clinic.Data.Persistence;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Integration;

/// <summary>
/// A link cut short by a chat app or mistyped by hand (an id in the address that is no id): the page
/// opens as if the link had not named it, instead of the error box in place of the page.
/// </summary>
public sealed class MangledAddressPageTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    private const string ErrorBox = "This page could not refresh";

    [Theory]
    [InlineData("xyz")]
    [InlineData("8f0e1c2a-")]
    public async Task A_doctor_s_page_with_a_type_that_is_no_id_shows_the_doctor(string type)
    {
        var tanvir = await TanvirAsync();

        var html = await ReadAsync(app.CreateClient(), $"/doctors/{tanvir}?type={type}");

        html.Should().NotContain(ErrorBox).And.Contain("Cardiology").And.Contain("data-testid=\"day-cell\"");
    }

    [Theory]
    [InlineData("/clinic/agenda?doctor=xyz&date=2026-12-01", "Agenda")]
    [InlineData("/clinic/book?doctor=xyz&date=2026-12-01", "Book for a patient")]
    public async Task A_staff_page_with_a_doctor_that_is_no_id_opens_without_one(string path, string heading)
    {
        var staff = app.CreateBrowserLikeClient();
        await staff.SignInAsync("staff1@gomoti.example", app.DemoPassword);

        var html = await ReadAsync(staff, path);

        html.Should().NotContain(ErrorBox).And.Contain(heading);
    }

    private static async Task<string> ReadAsync(HttpClient client, string path)
    {
        var page = await client.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.Should().Be(HttpStatusCode.OK, html);
        return html;
    }

    private async Task<Guid> TanvirAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        return await db.Doctors.Where(d => d.FullName == "Dr. Tanvir Ahmed").Select(d => d.Id).SingleAsync();
    }
}
