using BenchmarkDotNet.Running;
using Clinic.Benchmarks;

if (args is ["bookings"])
{
    await BookingThroughput.RunAsync();
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
