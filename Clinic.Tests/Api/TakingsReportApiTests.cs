using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Clinic.Domain.Clinics;
using Clinic.Tests.Support;

namespace Clinic.Tests.Api;

/// <summary>
/// The owner takes the takings to the accounts: as JSON over the API and as a spreadsheet file from the
/// takings page. A reference typed at the desk cannot run as a formula in the spreadsheet; staff get neither.
/// </summary>
public sealed class TakingsReportApiTests
{
    [Fact]
    public async Task The_owner_gets_the_day_s_payment_as_json_and_as_a_spreadsheet_file_with_a_formula_written_as_text()
    {
        await using var app = new ClinicAppFactory();
        var staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");
        var (id, _) = await ApiSlots.StaffBookAyeshaWithTanvirAsync(app, staff);
        (await staff.PostAsync($"/api/v1/appointments/{id}/payments", new { amount = 1500, method = "Card", reference = "=1+2" })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var today = ClinicTime.Today(app.Clock, TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka")).ToString("yyyy-MM-dd");
        var owner = await ApiClient.SignInAsync(app, "owner@gomoti.example");

        var report = await owner.ReadAsync<JsonElement>(await owner.GetAsync($"/api/v1/reports/takings?from={today}&to={today}"));

        var line = report.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("appointmentId").GetGuid() == id);
        (line.GetProperty("amount").GetDecimal(), line.GetProperty("method").GetString(), line.GetProperty("receivedByName").GetString(), line.GetProperty("patientName").GetString())
            .Should().Be((1500m, "Card", "Sadia Islam", "Ayesha Siddiqua"));
        report.GetProperty("byMethod").EnumerateArray().Should().Contain(m => m.GetProperty("method").GetString() == "Card" && m.GetProperty("amount").GetDecimal() >= 1500);

        var browser = app.CreateBrowserLikeClient();
        await browser.SignInAsync("owner@gomoti.example", app.DemoPassword);
        var file = await browser.GetAsync($"/owner/takings.csv?from={today}&to={today}");

        file.StatusCode.Should().Be(HttpStatusCode.OK);
        file.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        file.Content.Headers.ContentDisposition!.FileNameStar.Should().Be($"takings-{today}-to-{today}.csv");
        var bytes = await file.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(Encoding.UTF8.GetPreamble(), "Excel reads a file as UTF-8 only with the mark");
        var rows = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().Be("Received,Patient,Doctor,Visit,Type of visit,Method,Reference,Amount,Currency,Received by,Voided,Voided by,Reason voided");
        var row = rows.Single(r => r.Contains("Ayesha Siddiqua") && r.Contains("Card"));
        row.Should().Contain(",\"'=1+2\",1500,BDT,Sadia Islam,", "a cell a spreadsheet would run as a formula is written as text");
    }

    [Fact]
    public async Task Staff_get_neither_the_report_nor_the_file_and_days_that_cannot_be_are_refused_in_words()
    {
        await using var app = new ClinicAppFactory();
        var staff = await ApiClient.SignInAsync(app, "staff1@gomoti.example");
        var owner = await ApiClient.SignInAsync(app, "owner@gomoti.example");

        await (await staff.GetAsync("/api/v1/reports/takings?from=2026-11-01&to=2026-11-30")).ShouldBeProblemAsync(403, "forbidden");
        var backwards = await (await owner.GetAsync("/api/v1/reports/takings?from=2026-11-30&to=2026-11-01")).ShouldBeProblemAsync(400, "invalid");
        backwards.GetProperty("detail").GetString().Should().Be("The last day is before the first.");
        await (await owner.GetAsync("/api/v1/reports/takings?from=2026-13-01&to=2026-11-01")).ShouldBeProblemAsync(400, "invalid");

        var desk = app.CreateBrowserLikeClient();
        await desk.SignInAsync("staff1@gomoti.example", app.DemoPassword);
        (await desk.GetAsync("/owner/takings.csv?from=2026-11-01&to=2026-11-30")).RedirectPath().Should().StartWith("/Account/AccessDenied");
        var browser = app.CreateBrowserLikeClient();
        await browser.SignInAsync("owner@gomoti.example", app.DemoPassword);
        var bad = await browser.GetAsync("/owner/takings.csv?from=yesterday&to=2026-11-30");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be("Give the first and the last day as from=YYYY-MM-DD and to=YYYY-MM-DD.");
    }
}
