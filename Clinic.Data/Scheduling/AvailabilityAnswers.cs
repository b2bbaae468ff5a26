using Clinic.Domain.Scheduling;
using Microsoft.Extensions.Caching.Memory;

namespace Clinic.Data.Scheduling;

/// <summary>
/// One doctor's computed days, kept with what they were computed from: the doctor's
/// <see cref="AvailabilityStamp"/> read before the data, and the span of time in which the clock
/// changes nothing. Every request still reads the stamp from the database, so an answer is reused
/// only while no seat, hour or clinic rule behind it has changed, on this instance or any other:
/// never a stale seat count. A stamp read before a change and data read after it only cost a miss.
/// </summary>
public sealed class AvailabilityAnswers : IDisposable
{
    // Counted in slots: about 40 MB of answers and their JSON at most (a busy doctor's month is ~500 slots).
    private const long MaxSlots = 100_000;

    private readonly MemoryCache answers = new(new MemoryCacheOptions { SizeLimit = MaxSlots, CompactionPercentage = 0.25 });

    internal readonly record struct Key(Guid DoctorId, DateOnly First, int Days, VisitLength? Length);

    private sealed record Answer(AvailabilityStamp Stamp, DateTimeOffset From, DateTimeOffset Until, DoctorAvailability Value);

    internal DoctorAvailability? Find(Key key, AvailabilityStamp stamp, DateTimeOffset now) =>
        answers.TryGetValue(key, out Answer? answer) && answer!.Stamp == stamp && now >= answer.From && now < answer.Until ? answer.Value : null;

    internal void Keep(Key key, AvailabilityStamp stamp, DateTimeOffset computedAt, DateTimeOffset until, DoctorAvailability value)
    {
        if (until <= computedAt)
            return;
        answers.Set(key, new Answer(stamp, computedAt, until, value), new MemoryCacheEntryOptions { Size = Math.Max(1, value.Slots.Count) });
    }

    public void Dispose() => answers.Dispose();
}
