using Mediator;
using MesaServicios.Application.Common.Behaviors;
using Microsoft.Extensions.Logging;

namespace MesaServicios.Application.Tests.Common;

/// <summary>A message cancelled because the service is stopping (or the caller left) is logged quietly: no failure, no stack trace.</summary>
public sealed class ShutdownCancellationLoggingTests
{
    public sealed record Work : ICommand<int>;

    [Fact]
    public async Task CancelledAtShutdown_IsOneInformationLine_WithoutException()
    {
        var logger = new CapturingLogger<LoggingBehavior<Work, int>>();
        var behavior = new LoggingBehavior<Work, int>(logger);
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await behavior.Handle(new Work(), (_, token) => ValueTask.FromException<int>(new OperationCanceledException(token)), stopping.Token));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Contains("cancelled", entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailure_IsStillAnErrorWithItsException()
    {
        var logger = new CapturingLogger<LoggingBehavior<Work, int>>();
        var behavior = new LoggingBehavior<Work, int>(logger);

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await behavior.Handle(new Work(), (_, _) => ValueTask.FromException<int>(new InvalidOperationException("roto")), CancellationToken.None));

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    private sealed class CapturingLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, Exception? Exception, string Text)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Entries.Add((logLevel, exception, formatter(state, exception)));
            }
        }
    }
}
