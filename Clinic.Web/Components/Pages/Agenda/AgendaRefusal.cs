namespace Clinic.Web.Components.Pages.Agenda;

/// <summary>A move the rules refused, shown in the slot the booking was dropped on.</summary>
public sealed record AgendaRefusal(Guid DoctorId, DateTime StartUtc, string Reason);
