using System.Net;
using Clinic.Tests.Support;

namespace Clinic.Tests.Integration;

/// <summary>Dates at the edges of the calendar typed into a page's address: the page opens on today instead of failing.</summary>
public sealed class EdgeDatePageTests(ClinicAppFactory app) : IClassFixture<ClinicAppFactory>
{
    [Theory]
    [InlineData("tanvir.ahmed@gomoti.example", "/doctor/schedule?date=0001-01-01")]
    [InlineData("tanvir.ahmed@gomoti.example", "/doctor/schedule?date=9999-12-31")]
    [InlineData("owner@gomoti.example", "/clinic/appointments?from=0001-01-01&to=9999-12-31")]
    [InlineData("owner@gomoti.example", "/clinic/requests?date=9999-12-31")]
    public async Task A_page_given_an_impossible_date_still_opens(string email, string path)
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(email, app.DemoPassword);

        var page = await client.GetAsync(path);

        page.StatusCode.Should().Be(HttpStatusCode.OK, await page.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1999-12-31")]
    public void The_pages_read_an_implausible_date_as_no_date(string text) =>
        Clinic.Web.Components.Pages.Schedule.FormText.Date(text).Should().BeNull();
}
