using System.Globalization;
using System.Text;
using Clinic.Data.Payments;
using Clinic.Web.Components.Appointments;
using CsvHelper;

namespace Clinic.Web.Takings;

/// <summary>
/// The takings' payments as a spreadsheet file for the clinic's accountant: one row a payment, voided
/// ones marked. Names and references were typed by people, so a cell that a spreadsheet would run as a
/// formula is written as text; UTF-8 with a byte-order mark, so Excel reads names in any script.
/// </summary>
public static class TakingsCsvWriter
{
    private static readonly string[] Header =
        ["Received", "Patient", "Doctor", "Visit", "Type of visit", "Method", "Reference", "Amount", "Currency", "Received by", "Voided", "Voided by", "Reason voided"];

    public static string FileName(TakingsReport report) => $"takings-{report.Period.From:yyyy-MM-dd}-to-{report.Period.To:yyyy-MM-dd}.csv";

    public static byte[] Write(TakingsReport report)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord(Header);
            foreach (var line in report.Lines)
            {
                csv.WriteRecord([
                    Stamp(line.LocalReceived), line.PatientName, line.DoctorName, Stamp(line.VisitLocalStart), line.ServiceName ?? "",
                    AppointmentLabels.Method(line.Method), line.Reference ?? "", line.Amount.ToString("0.##", CultureInfo.InvariantCulture), line.Currency,
                    line.ReceivedByName, line.LocalVoided is { } voided ? Stamp(voided) : "", line.VoidedByName ?? "", line.VoidReason ?? "",
                ]);
            }
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Stamp(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
