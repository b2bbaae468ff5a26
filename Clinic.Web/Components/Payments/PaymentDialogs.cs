using Clinic.Data.Booking;
using Clinic.Data.Payments;
using MudBlazor;

namespace Clinic.Web.Components.Payments;

/// <summary>Opens the payment dialog for a visit, the same from the front desk and from the appointment's page.</summary>
public static class PaymentDialogs
{
    /// <summary>The amount recorded, or null when the desk closed the dialog without recording one.</summary>
    public static async Task<decimal?> TakePaymentAsync(this IDialogService dialogs, AppointmentView visit, VisitAccount account)
    {
        var dialog = await dialogs.ShowAsync<TakePaymentDialog>("Take payment", new DialogParameters<TakePaymentDialog>
        {
            { d => d.AppointmentId, visit.Id },
            { d => d.Version, visit.Version },
            { d => d.Account, account },
            { d => d.Description, Describe(visit) },
        });
        return await dialog.Result is { Canceled: false, Data: decimal amount } ? amount : null;
    }

    private static string Describe(AppointmentView visit) =>
        $"{visit.PatientName}, {visit.LocalStart:ddd d MMM, HH:mm} with {visit.DoctorName}{(visit.ServiceName is null ? "" : $" ({visit.ServiceName})")}.";
}
