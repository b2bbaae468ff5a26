namespace Clinic.Web.Components.Live;

/// <summary>
/// The newest read wins. A page reads again when the person changes what it shows (the next day, a
/// filter) and when a change is announced; two reads can overlap (a second click while the first
/// read runs), and one begun earlier may end later. Only what the read begun last returns is shown,
/// so the page never shows Tuesday's agenda under Wednesday's heading.
/// </summary>
public sealed class LatestRead
{
    private long begun;

    /// <summary>Reads, then shows the result (<paramref name="show"/>) unless another read has begun meanwhile.</summary>
    public async Task ShowAsync<T>(Func<Task<T>> read, Action<T> show)
    {
        var mine = Interlocked.Increment(ref begun);
        var value = await read();
        if (mine == Interlocked.Read(ref begun))
            show(value);
    }
}
