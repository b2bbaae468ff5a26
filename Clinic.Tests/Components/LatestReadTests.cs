using Clinic.Web.Components.Live;

namespace Clinic.Tests.Components;

/// <summary>Two overlapping reads of a page (a second click while the first read runs): what the read begun last returns is shown.</summary>
public sealed class LatestReadTests
{
    [Fact]
    public async Task A_read_begun_earlier_that_ends_later_is_not_shown_over_the_newer_one()
    {
        var reads = new LatestRead();
        var shown = new List<string>();
        var tuesday = new TaskCompletionSource<string>();
        var wednesday = new TaskCompletionSource<string>();

        var first = reads.ShowAsync(() => tuesday.Task, shown.Add);
        var second = reads.ShowAsync(() => wednesday.Task, shown.Add);
        wednesday.SetResult("Wednesday");
        await second;
        tuesday.SetResult("Tuesday");
        await first;

        shown.Should().Equal("Wednesday");
    }

    [Fact]
    public async Task Reads_one_after_another_are_each_shown()
    {
        var reads = new LatestRead();
        var shown = new List<string>();

        await reads.ShowAsync(() => Task.FromResult("Tuesday"), shown.Add);
        await reads.ShowAsync(() => Task.FromResult("Wednesday"), shown.Add);

        shown.Should().Equal("Tuesday", "Wednesday");
    }
}
