using Clinic.Data.Booking;

namespace Clinic.Web.Components.Payments;

/// <summary>The sentences the payment dialogs open with.</summary>
public static class PaymentText
{
    public static string Visit(AppointmentView visit) =>
        $"{visit.PatientName}, {visit.LocalStart:ddd d MMM, HH:mm} with {visit.DoctorName}{(visit.ServiceName is null ? "" : $" ({visit.ServiceName})")}.";
}
