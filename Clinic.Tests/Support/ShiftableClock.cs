namespace Clinic.Tests.Support;

/// <summary>
/// The app's clock in tests that run it for real (Kestrel, browsers): the system's time, moved on
/// by <see cref="Advance"/> when a test needs a later moment (a visit's start, the morning after),
/// instead of waiting for it. Timers and delays run at real speed.
/// </summary>
public sealed class ShiftableClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;

    /// <summary>Moves the app's "now" forward; never back, as real time never goes back.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref offsetTicks, by.Ticks);
    }
}
