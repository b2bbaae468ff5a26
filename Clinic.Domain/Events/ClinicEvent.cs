namespace Clinic.Domain.Events;

/// <summary>Something that changed and that open pages may need to show. Published after commit.</summary>
public abstract record ClinicEvent;

/// <summary>A doctor's public profile was created or changed.</summary>
public sealed record DoctorProfileChanged(Guid DoctorId) : ClinicEvent;

/// <summary>A team member was added, activated or deactivated.</summary>
public sealed record TeamChanged(string UserId) : ClinicEvent;

/// <summary>A patient registered or changed their profile, or the clinic added to their file (a note).</summary>
public sealed record PatientChanged(string UserId) : ClinicEvent;

/// <summary>A doctor's slots changed: hours, time off, a slot switch, or a booking.</summary>
public sealed record AvailabilityChanged(Guid DoctorId) : ClinicEvent;

/// <summary>An appointment was booked or changed (status, time, visit stage, deletion).</summary>
public sealed record AppointmentChanged(Guid AppointmentId, Guid DoctorId, string PatientUserId) : ClinicEvent;

/// <summary>A person's notifications changed: a new one arrived, or they read some.</summary>
public sealed record NotificationsChanged(string UserId) : ClinicEvent;

/// <summary>A message was posted in a patient's conversation with the clinic, or someone read it.</summary>
public sealed record ConversationChanged(string PatientUserId) : ClinicEvent;

/// <summary>The waitlist changed: someone joined or left, or a seat was offered, taken or let lapse.</summary>
public sealed record WaitlistChanged(Guid DoctorId, string PatientUserId) : ClinicEvent;

/// <summary>The outbox recorded an outcome (sent, failed, withdrawn) for a message about an appointment.</summary>
public sealed record DeliveryRecorded(Guid AppointmentId) : ClinicEvent;

/// <summary>
/// A seat of the doctor may have come free (a cancellation, a move, new hours): the waitlist looks
/// again. It wakes the waitlist worker; no page shows it.
/// </summary>
public sealed record SeatsMayHaveFreed(Guid DoctorId) : ClinicEvent;

/// <summary>
/// Someone opened (<paramref name="Present"/>) or left an appointment's page, or is still there (a
/// heartbeat). Not a change of data: it is announced at once, to every instance, so the people
/// looking at one appointment see each other. <paramref name="ViewerKey"/> tells apart two tabs of one person.
/// </summary>
public sealed record PresenceAnnounced(Guid AppointmentId, string ViewerKey, string UserId, string Name, bool Present) : ClinicEvent;

/// <summary>The owner added or changed an appointment type (its length, price, doctors, whether it is offered).</summary>
public sealed record AppointmentTypesChanged : ClinicEvent;

/// <summary>The owner changed how the clinic presents itself: name, address, phone, email, opening hours or logo.</summary>
public sealed record ClinicProfileChanged : ClinicEvent;
