using System.Diagnostics.Metrics;
using Clinic.Data.Booking;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Support;

/// <summary>
/// Listens to one app's <c>clinic.seat_races_lost</c> metric: how many times a writer chose a seat
/// another writer took first and read again. Other apps in the same test run are not counted.
/// </summary>
public sealed class SeatRaceCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private long lost;

    public SeatRaceCounter(IServiceProvider services)
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == SeatRaces.InstrumentName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref lost, value));
        listener.Start();
    }

    public long Lost => Interlocked.Read(ref lost);

    public void Dispose() => listener.Dispose();
}
