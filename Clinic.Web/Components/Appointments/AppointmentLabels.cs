using Clinic.Domain.Appointments;
using MudBlazor;

namespace Clinic.Web.Components.Appointments;

/// <summary>Statuses and visit stages in the clinic's words: the one place enum values become text on a screen.</summary>
public static class AppointmentLabels
{
    public static string Status(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Pending => "Pending",
        AppointmentStatus.Confirmed => "Confirmed",
        AppointmentStatus.Completed => "Completed",
        AppointmentStatus.Cancelled => "Cancelled",
        AppointmentStatus.NoShow => "No-show",
        AppointmentStatus.Offered => "Held for you",
        _ => "Unknown",
    };

    /// <summary>The front desk's stage, or null where there is no visit to follow (a request, a cancellation, a no-show).</summary>
    public static string? Stage(VisitStage stage, AppointmentStatus status) => status switch
    {
        AppointmentStatus.Confirmed => Stage(stage),
        AppointmentStatus.Completed => Stage(VisitStage.Done),
        _ => null,
    };

    public static string Stage(VisitStage stage) => stage switch
    {
        VisitStage.Expected => "Expected",
        VisitStage.Waiting => "Waiting",
        VisitStage.InConsultation => "In consultation",
        _ => "Done",
    };

    /// <summary>The button that moves a visit on from this stage.</summary>
    public static string NextStep(VisitStage stage) => stage switch
    {
        VisitStage.Expected => "Check in",
        VisitStage.Waiting => "Start consultation",
        _ => "Finish visit",
    };

    public static Color StageColor(VisitStage stage) => stage switch
    {
        VisitStage.Waiting => Color.Warning,
        VisitStage.InConsultation => Color.Info,
        VisitStage.Done => Color.Success,
        _ => Color.Default,
    };

    /// <summary>A history line's value (a status or a stage as stored) in words; anything else as it is.</summary>
    public static string? HistoryValue(string? stored) =>
        stored is null ? null
        : Enum.TryParse<AppointmentStatus>(stored, out var status) ? Status(status)
        : Enum.TryParse<VisitStage>(stored, out var stage) ? Stage(stage)
        : stored;
}
