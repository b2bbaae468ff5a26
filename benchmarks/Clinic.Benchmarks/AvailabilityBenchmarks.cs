using BenchmarkDotNet.Attributes;
using Clinic.Data.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Benchmarks;

/// <summary>
/// The front desk's bulk availability, from the database: N doctors × D days, with 20,000 bookings
/// in the file. The cost should grow with doctors × days, not with the bookings outside the range.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 15)]
public class AvailabilityBenchmarks
{
    private BenchmarkClinic clinic = default!;
    private AvailabilityQueries queries = default!;
    private Guid[] doctors = [];
    private DateOnly[] dates = [];

    [Params(1, 10, 100)]
    public int Doctors { get; set; }

    [Params(7, 60)]
    public int Days { get; set; }

    /// <summary>Asked for a 60-minute type on the 30-minute slots: each start checks the next slot too.</summary>
    [Params(false, true)]
    public bool WithType { get; set; }

    private static readonly Clinic.Domain.Scheduling.VisitLength Hour = new(60, 0);

    [GlobalSetup]
    public void Setup()
    {
        clinic = new BenchmarkClinic();
        clinic.SeedAsync().GetAwaiter().GetResult();
        queries = clinic.Services.GetRequiredService<AvailabilityQueries>();
        doctors = [.. clinic.DoctorIds.Take(Doctors)];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        dates = [.. Enumerable.Range(0, Days).Select(today.AddDays)];
    }

    [Benchmark]
    public async Task<int> BulkAvailability()
    {
        var rows = await queries.BulkAsync(doctors, dates, length: WithType ? Hour : null);
        return rows.Sum(r => r.Days.Count);
    }

    [GlobalCleanup]
    public void Cleanup() => clinic.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
