using System.Runtime.CompilerServices;

namespace Clinic.Web.Live;

/// <summary>
/// The end of the current burst window, shared by every live page of this instance: one booking
/// wakes every open page of that doctor, and a timer each (a thousand of them) was a fifth of the
/// work of telling them. A page that joins a window already running waits for its end, so a page
/// still re-queries once per burst and never later than one window after the event.
/// </summary>
internal static class BurstTick
{
    private static readonly ConditionalWeakTable<TimeProvider, Window> Windows = [];

    public static Task EndOfWindow(TimeProvider time, TimeSpan length)
    {
        var window = Windows.GetValue(time, _ => new Window());
        lock (window)
        {
            if (window.Ends is { IsCompleted: false } running)
                return running;
            return window.Ends = Task.Delay(length, time);
        }
    }

    private sealed class Window
    {
        public Task? Ends;
    }
}
