using Clinic.Data.Booking;
using Clinic.Data.Payments;
using MudBlazor;
using static Clinic.Web.Localization.Translations;

namespace Clinic.Web.Components.Payments;

/// <summary>Opens the payment dialog for a visit, the same from the front desk and from the appointment's page.</summary>
public static class PaymentDialogs
{
    /// <summary>The amount recorded, or null when the desk closed the dialog without recording one.</summary>
    public static async Task<decimal?> TakePaymentAsync(this IDialogService dialogs, AppointmentView visit, VisitAccount account)
    {
        var dialog = await dialogs.ShowAsync<TakePaymentDialog>(Tr("Take payment"), new DialogParameters<TakePaymentDialog>
        {
            { d => d.AppointmentId, visit.Id },
            { d => d.Version, visit.Version },
            { d => d.Account, account },
            { d => d.Description, Describe(visit) },
        });
        return await dialog.Result is { Canceled: false, Data: decimal amount } ? amount : null;
    }

    private static string Describe(AppointmentView visit) =>
        visit.ServiceName is null
            ? Tr("{0}, {1:ddd d MMM, HH:mm} with {2}.", visit.PatientName, visit.LocalStart, visit.DoctorName)
            : Tr("{0}, {1:ddd d MMM, HH:mm} with {2} ({3}).", visit.PatientName, visit.LocalStart, visit.DoctorName, visit.ServiceName);
}
