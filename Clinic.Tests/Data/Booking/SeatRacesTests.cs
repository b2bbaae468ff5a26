using Clinic.Data.Booking;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Clinic.Tests.Data.Booking;

/// <summary>Which database refusals make a use case try again, and which reach the person as the fault they are.</summary>
public sealed class SeatRacesTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private SeatRaces Races => new(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    // As Npgsql and EF Core report it: the save failed, and the provider calls the cause transient.
    private static Exception Refusal(string sqlState) =>
        new InvalidOperationException("An exception has been raised that is likely due to a transient failure.",
            new DbUpdateException("An error occurred while saving the entity changes.", new PostgresException("refused", "ERROR", "ERROR", sqlState)));

    [Fact]
    public async Task A_deadlock_the_database_broke_by_ending_this_attempt_is_tried_again_and_counted()
    {
        using var counter = new SeatRaceCounter(services);
        var attempts = 0;

        var answer = await Races.RetryAsync("change", _ => false, attempt =>
        {
            attempts = attempt;
            return attempt == 1 ? throw Refusal(PostgresErrorCodes.DeadlockDetected) : Task.FromResult("moved");
        });

        answer.Should().Be("moved");
        attempts.Should().Be(2);
        counter.Lost.Should().Be(1);
    }

    [Fact]
    public async Task A_full_disk_is_not_a_lost_race_and_fails_at_once()
    {
        var attempts = 0;

        var saving = () => Races.RetryAsync<string>("book", _ => false, attempt =>
        {
            attempts = attempt;
            throw Refusal(PostgresErrorCodes.DiskFull);
        });

        await saving.Should().ThrowAsync<InvalidOperationException>();
        attempts.Should().Be(1);
    }

    public void Dispose() => services.Dispose();
}
