using Clinic.Web.Live;
using Microsoft.Extensions.Time.Testing;

namespace Clinic.Tests.Web;

/// <summary>A booking wakes every open page of a doctor: they wait for one shared window, not a timer each.</summary>
public sealed class BurstTickTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(40);

    [Fact]
    public void Pages_woken_within_one_window_wait_for_the_same_end_and_the_next_burst_gets_a_new_one()
    {
        var clock = new FakeTimeProvider();

        var first = BurstTick.EndOfWindow(clock, Window);
        clock.Advance(TimeSpan.FromMilliseconds(25));
        var joining = BurstTick.EndOfWindow(clock, Window);

        joining.Should().BeSameAs(first, "a page joining a running window waits for its end, never longer");
        first.IsCompleted.Should().BeFalse();
        clock.Advance(TimeSpan.FromMilliseconds(15));
        first.IsCompleted.Should().BeTrue("the window ends 40 ms after the first page asked");
        BurstTick.EndOfWindow(clock, Window).Should().NotBeSameAs(first, "the next burst opens its own window");
    }

    [Fact]
    public void Each_clock_has_its_own_window()
    {
        var one = new FakeTimeProvider();
        var other = new FakeTimeProvider();

        BurstTick.EndOfWindow(one, Window).Should().NotBeSameAs(BurstTick.EndOfWindow(other, Window));
    }
}
