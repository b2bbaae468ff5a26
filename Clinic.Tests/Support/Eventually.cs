namespace Clinic.Tests.Support;

/// <summary>Polls a condition that another process or instance makes true, failing with what was awaited.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, int timeoutMs = 15_000)
    {
        for (var waited = 0; waited < timeoutMs; waited += 50)
        {
            if (await condition())
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Waited {timeoutMs / 1000} s for: {what}");
    }
}
