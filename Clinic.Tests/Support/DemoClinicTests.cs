namespace Clinic.Tests.Support;

/// <summary>
/// A test of the data layer on the demo clinic: each test gets a fresh database (<see cref="Harness"/>)
/// with the demo's people loaded (<see cref="People"/>). Override <see cref="InitializeAsync"/> to
/// set more up after the base has run.
/// </summary>
public abstract class DemoClinicTests(DataHarness? harness = null) : IAsyncLifetime
{
    protected DataHarness Harness { get; } = harness ?? new DataHarness();

    protected ClinicPeople People { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await Harness.InitializeAsync();
        People = await ClinicPeople.LoadAsync(Harness);
    }

    public virtual Task DisposeAsync() => Harness.DisposeAsync();
}
