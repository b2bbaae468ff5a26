using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Clinic.Tests.Support;

/// <summary>The SQL commands EF runs on this async flow while some work runs: to count round trips.</summary>
public static class SqlCommands
{
    public static async Task<(T Result, IReadOnlyList<string> Commands)> RecordAsync<T>(Func<Task<T>> run)
    {
        var recorder = new Recorder();
        using var subscription = DiagnosticListener.AllListeners.Subscribe(recorder);
        var result = await run();
        return (result, recorder.Commands);
    }

    private sealed class Recorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private readonly AsyncLocal<bool> mine = new() { Value = true };
        private readonly List<IDisposable> subscriptions = [];
        private readonly List<string> commands = [];

        public IReadOnlyList<string> Commands
        {
            get
            {
                lock (commands)
                    return [.. commands];
            }
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && mine.Value && value.Value is CommandExecutedEventData executed)
            {
                lock (commands)
                    commands.Add(executed.Command.CommandText);
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
