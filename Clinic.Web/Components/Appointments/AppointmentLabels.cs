using Clinic.Domain.Appointments;
using Clinic.Web.Localization;
using MudBlazor;
using static Clinic.Web.Localization.Translations;

namespace Clinic.Web.Components.Appointments;

/// <summary>Statuses and visit stages in the clinic's words: the one place enum values become text on a screen.</summary>
public static class AppointmentLabels
{
    public static string Status(AppointmentStatus status) => Tr(status switch
    {
        AppointmentStatus.Pending => "Pending",
        AppointmentStatus.Confirmed => "Confirmed",
        AppointmentStatus.Completed => "Completed",
        AppointmentStatus.Cancelled => "Cancelled",
        AppointmentStatus.NoShow => "No-show",
        AppointmentStatus.Offered => "Held for you",
        _ => "Unknown",
    });

    /// <summary>The front desk's stage, or null where there is no visit to follow (a request, a cancellation, a no-show).</summary>
    public static string? Stage(VisitStage stage, AppointmentStatus status) => status switch
    {
        AppointmentStatus.Confirmed => Stage(stage),
        AppointmentStatus.Completed => Stage(VisitStage.Done),
        _ => null,
    };

    public static string Stage(VisitStage stage) => Tr(stage switch
    {
        VisitStage.Expected => "Expected",
        VisitStage.Waiting => "Waiting",
        VisitStage.InConsultation => "In consultation",
        _ => "Done",
    });

    /// <summary>A waiting patient's place in the doctor's line: "Next", "2nd in line", "3rd in line".</summary>
    public static string InLine(int place) => place == 1 ? Tr("Next") : Tr("{0} in line", Ordinal(place));

    // English says "2nd"; a translation places the plain number in its own words.
    private static string Ordinal(int place) => Languages.Current != Languages.English ? place.ToString(System.Globalization.CultureInfo.CurrentCulture)
        : $"{place}{(place % 100 is 11 or 12 or 13 ? "th" : (place % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" })}";

    /// <summary>A waiting patient's place in a sentence: "next to go in", "2nd in line".</summary>
    public static string InLineSentence(int place) => place == 1 ? Tr("next to go in") : InLine(place);

    /// <summary>The button that moves a visit on from this stage.</summary>
    public static string NextStep(VisitStage stage) => Tr(stage switch
    {
        VisitStage.Expected => "Check in",
        VisitStage.Waiting => "Start consultation",
        _ => "Finish visit",
    });

    public static Color StageColor(VisitStage stage) => stage switch
    {
        VisitStage.Waiting => Color.Warning,
        VisitStage.InConsultation => Color.Info,
        VisitStage.Done => Color.Success,
        _ => Color.Default,
    };

    public static string Method(Clinic.Domain.Payments.PaymentMethod method) => Tr(method switch
    {
        Clinic.Domain.Payments.PaymentMethod.Cash => "Cash",
        Clinic.Domain.Payments.PaymentMethod.Card => "Card",
        Clinic.Domain.Payments.PaymentMethod.MobileWallet => "Mobile wallet",
        Clinic.Domain.Payments.PaymentMethod.BankTransfer => "Bank transfer",
        _ => "Other",
    });

    /// <summary>How it was paid, as a history line stores it, to follow an amount: "in cash", "by card"; empty when not known.</summary>
    public static string PaidHow(string? stored) =>
        !Enum.TryParse<Clinic.Domain.Payments.PaymentMethod>(stored, out var method) ? ""
        : method == Clinic.Domain.Payments.PaymentMethod.Cash ? Tr("in cash")
        : Tr("by {0}", Method(method).ToLower(System.Globalization.CultureInfo.CurrentCulture));

    /// <summary>A history line's value (a status or a stage as stored) in words; anything else as it is.</summary>
    public static string? HistoryValue(string? stored) =>
        stored is null ? null
        : Enum.TryParse<AppointmentStatus>(stored, out var status) ? Status(status)
        : Enum.TryParse<VisitStage>(stored, out var stage) ? Stage(stage)
        : stored;
}
