using Clinic.Data.Scheduling;
using Clinic.Domain.Events;
using Clinic.Domain.Scheduling;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clinic.Tests.Data;

/// <summary>Events announce committed facts: a change that is rolled back publishes nothing.</summary>
public sealed class PublishAfterCommitTests : IAsyncLifetime
{
    private sealed class FailingSaves : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Armed ? throw new DbUpdateException("The disk is full.") : base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private readonly FailingSaves failing = new();
    private readonly DataHarness harness;

    public PublishAfterCommitTests() => harness = new DataHarness(interceptor: failing);

    public Task InitializeAsync() => harness.InitializeAsync();
    public Task DisposeAsync() => harness.DisposeAsync();

    [Fact]
    public async Task A_change_whose_save_fails_is_rolled_back_and_announces_nothing()
    {
        var doctor = await harness.ActorAsync("imran.hossain@gomoti.example");
        var doctorId = await harness.DoctorIdAsync("imran.hossain@gomoti.example");
        var before = harness.Events.Published.Count;
        failing.Armed = true;

        var saving = () => harness.Get<ScheduleEditor>().AddRuleAsync(doctor, doctorId,
            new WeeklyRuleDetails(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(11, 0), 30, 1));

        await saving.Should().ThrowAsync<DbUpdateException>();
        harness.Events.Published.Should().HaveCount(before);
        failing.Armed = false;
        (await harness.Get<ScheduleEditor>().GetAsync(doctor, doctorId)).Value!.Rules.Should().NotContain(r => r.Day == DayOfWeek.Monday);
    }

    [Fact]
    public async Task A_committed_change_announces_itself_once()
    {
        var doctor = await harness.ActorAsync("imran.hossain@gomoti.example");
        var doctorId = await harness.DoctorIdAsync("imran.hossain@gomoti.example");
        var before = harness.Events.Published.Count;

        await harness.Get<ScheduleEditor>().AddRuleAsync(doctor, doctorId, new WeeklyRuleDetails(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(11, 0), 30, 1));

        harness.Events.Published.Skip(before).Should().Equal(new AvailabilityChanged(doctorId));
    }
}
