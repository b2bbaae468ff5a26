using Clinic.Data.Booking;
using Clinic.Domain.Appointments;

namespace Clinic.Tests.Support;

/// <summary>The demo clinic's people as appointment actors, and the times the notification tests book.</summary>
public sealed class ClinicPeople
{
    public required AppointmentActor Ayesha { get; init; }
    public required AppointmentActor Rahim { get; init; }
    public required AppointmentActor Sadia { get; init; }
    public required AppointmentActor Karim { get; init; }
    public required AppointmentActor Owner { get; init; }
    public required AppointmentActor Tanvir { get; init; }
    public required Guid TanvirId { get; init; }

    /// <summary>Wednesday 25 Nov 2026, 09:00 in Dhaka: 42 hours after the harness clock, so a 24-hour reminder is still ahead.</summary>
    public static readonly DateTime WednesdayNine = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);

    public static async Task<ClinicPeople> LoadAsync(DataHarness harness)
    {
        var actors = harness.Get<AppointmentActors>();
        async Task<AppointmentActor> As(string email) => await actors.ResolveAsync(await harness.ActorAsync(email));
        return new ClinicPeople
        {
            Ayesha = await As("ayesha@patients.example"),
            Rahim = await As("rahim@patients.example"),
            Sadia = await As("staff1@gomoti.example"),
            Karim = await As("staff2@gomoti.example"),
            Owner = await As("owner@gomoti.example"),
            Tanvir = await As("tanvir.ahmed@gomoti.example"),
            TanvirId = await harness.DoctorIdAsync("tanvir.ahmed@gomoti.example"),
        };
    }

    /// <summary>Ayesha asks for Tanvir at <paramref name="startUtc"/>; the request id.</summary>
    public async Task<Guid> RequestAsync(DataHarness harness, DateTime startUtc)
    {
        var booked = await harness.Get<BookingService>().BookAsync(Ayesha, new BookingRequest(TanvirId, startUtc));
        booked.Succeeded.Should().BeTrue(booked.Error);
        return booked.Value!.AppointmentId;
    }

    /// <summary>Sadia books Ayesha with Tanvir, confirmed at once.</summary>
    public async Task<Guid> BookConfirmedAsync(DataHarness harness, DateTime startUtc, AppointmentActor? patient = null)
    {
        var booked = await harness.Get<BookingService>().BookAsync(Sadia, new BookingRequest(TanvirId, startUtc, PatientUserId: (patient ?? Ayesha).UserId));
        booked.Succeeded.Should().BeTrue(booked.Error);
        booked.Value!.Status.Should().Be(AppointmentStatus.Confirmed);
        return booked.Value.AppointmentId;
    }
}
