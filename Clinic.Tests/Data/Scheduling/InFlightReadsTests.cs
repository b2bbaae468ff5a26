using Clinic.Data.Scheduling;

namespace Clinic.Tests.Data.Scheduling;

/// <summary>
/// Hundreds of open pages re-query the same doctor after one booking; they share one read, but
/// never one that started before the change they are reacting to.
/// </summary>
public sealed class InFlightReadsTests
{
    private InFlightReads<string, int> reads = new();
    private readonly List<TaskCompletionSource<int>> started = [];

    private Task<int> Read(string key, CancellationToken cancellationToken = default, bool afterChange = false) =>
        reads.ReadAsync(key, () =>
        {
            var read = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            started.Add(read);
            return read.Task;
        }, cancellationToken, finishedToo: afterChange);

    [Fact]
    public async Task Callers_asking_the_same_question_at_once_share_one_read()
    {
        var pages = Enumerable.Range(0, 200).Select(_ => Read("farhana week")).ToList();
        var other = Read("tanvir week");

        started.Should().HaveCount(2, "one read per distinct question");
        started[0].SetResult(14);
        started[1].SetResult(1);
        (await Task.WhenAll(pages)).Should().OnlyContain(seats => seats == 14);
        (await other).Should().Be(1);
    }

    [Fact]
    public async Task A_caller_after_a_committed_change_does_not_join_a_read_started_before_it()
    {
        var before = Read("farhana week");
        reads.Changed();
        var after = Read("farhana week");

        started.Should().HaveCount(2);
        started[0].SetResult(15);
        started[1].SetResult(14);
        (await before).Should().Be(15);
        (await after).Should().Be(14, "the seat booked by the change is counted");
    }

    [Fact]
    public async Task A_finished_read_answers_the_pages_reacting_to_the_same_change_until_the_next_one()
    {
        var first = Read("farhana week", afterChange: true);
        started[0].SetResult(15);
        await first;

        var late = await Read("farhana week", afterChange: true);
        reads.Changed();
        var afterChange = Read("farhana week", afterChange: true);

        late.Should().Be(15, "no change was committed since that read began");
        started.Should().HaveCount(2, "the change makes the next caller read again");
        started[1].SetResult(14);
        (await afterChange).Should().Be(14);
    }

    [Fact]
    public async Task A_page_opening_or_an_API_call_never_gets_a_finished_read()
    {
        var first = Read("farhana week", afterChange: true);
        started[0].SetResult(15);
        await first;

        var opening = Read("farhana week");

        started.Should().HaveCount(2, "only pages reacting to an announced change share finished reads");
        started[1].SetResult(14);
        (await opening).Should().Be(14);
    }

    [Fact]
    public async Task While_changes_elsewhere_may_go_unheard_a_finished_read_answers_no_one_else()
    {
        reads.HearsEveryChange(false);
        var first = Read("farhana week", afterChange: true);
        started[0].SetResult(15);
        await first;

        var second = Read("farhana week", afterChange: true);

        started.Should().HaveCount(2, "the relay is down: another instance may have booked meanwhile");
        started[1].SetResult(13);
        (await second).Should().Be(13);
    }

    [Fact]
    public async Task A_finished_read_stops_answering_once_it_is_older_than_its_limit()
    {
        reads = new InFlightReads<string, int>(maxAge: TimeSpan.Zero);
        var first = Read("farhana week", afterChange: true);
        started[0].SetResult(15);
        await first;

        var second = Read("farhana week", afterChange: true);

        started.Should().HaveCount(2, "a write no change announced must not hide for long");
        started[1].SetResult(13);
        (await second).Should().Be(13);
    }

    [Fact]
    public async Task One_caller_giving_up_does_not_cancel_the_read_for_the_others()
    {
        using var leaving = new CancellationTokenSource();
        var closedPage = Read("farhana week", leaving.Token);
        var openPage = Read("farhana week");

        await leaving.CancelAsync();
        started[0].SetResult(15);

        await closedPage.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        (await openPage).Should().Be(15);
    }

    [Fact]
    public async Task A_failed_read_reaches_its_callers_and_the_next_caller_reads_again()
    {
        var failing = Read("farhana week");
        started[0].SetException(new InvalidOperationException("database is locked"));
        await failing.Invoking(t => t).Should().ThrowAsync<InvalidOperationException>();

        var retry = Read("farhana week");
        started.Should().HaveCount(2);
        started[1].SetResult(15);
        (await retry).Should().Be(15);
    }
}
