using Clinic.Domain.Appointments;

namespace Clinic.Tests.Domain.Appointments;

/// <summary>The waiting room's order: by the appointment's time, then by arrival; each doctor's line on its own.</summary>
public sealed class WaitingLineTests
{
    private static readonly Guid Farhana = Guid.NewGuid(), Nusrat = Guid.NewGuid();
    private static readonly DateTime Five = new(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_shared_session_goes_in_by_arrival_and_an_early_patient_for_a_later_time_waits_for_those_due_first()
    {
        var (habib, rupa, early, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var places = WaitingLine.Places(
        [
            new(early, Farhana, Five.AddHours(1), Five.AddMinutes(-30)), // due at 18:00, came at 16:30
            new(habib, Farhana, Five, Five.AddMinutes(5)),                 // due at 17:00, came at 17:05
            new(rupa, Farhana, Five, Five.AddMinutes(-10)),                // due at 17:00, came at 16:50
            new(other, Nusrat, Five.AddHours(1), Five.AddMinutes(20)),     // another doctor's line
        ]);

        places.Should().BeEquivalentTo(new Dictionary<Guid, int> { [rupa] = 1, [habib] = 2, [early] = 3, [other] = 1 });
    }
}
