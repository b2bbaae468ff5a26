using System.Threading.Channels;

namespace Clinic.Data.Waitlist;

/// <summary>
/// Tells the waitlist worker which doctor may have a freed seat (a cancellation, a move, new hours),
/// so the next patient in line hears at once rather than at the next poll.
/// </summary>
public sealed class WaitlistSignal
{
    private readonly Channel<Guid> doctors = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void SeatsMayHaveFreed(Guid doctorId) => doctors.Writer.TryWrite(doctorId);

    internal ChannelReader<Guid> Reader => doctors.Reader;
}
