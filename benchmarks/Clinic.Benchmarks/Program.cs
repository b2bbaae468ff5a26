using BenchmarkDotNet.Running;
using Clinic.Benchmarks;

if (args is ["bookings"] or ["bookings", "postgres"])
{
    await BookingThroughput.RunAsync(postgres: args.Length == 2);
    return;
}
if (args is ["scale"] or ["scale", "postgres"])
{
    await ScaleOut.RunAsync(postgresOnly: args.Length == 2);
    return;
}
if (args is ["api"])
{
    await ApiLoad.RunAsync();
    return;
}
if (args.Length > 0 && args[0] == "fanout")
{
    await FanOut.RunAsync(args.Length > 1 ? [.. args.Skip(1).Select(int.Parse)] : [50, 200, 1000]);
    return;
}
if (args.Length > 0 && args[0] == "circuits")
{
    await CircuitCost.RunAsync(args.Length > 1 ? [.. args.Skip(1).Select(int.Parse)] : [10, 50, 200]);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(AvailabilityBenchmarks).Assembly).Run(args);
