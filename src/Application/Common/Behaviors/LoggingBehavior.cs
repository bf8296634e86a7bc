using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace MesaServicios.Application.Common.Behaviors;

/// <summary>Logs every message with its elapsed time. Expected failures are not errors: they log at Information.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            LogHandled(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ErrorClassifier.IsExpected(ex))
        {
            LogRejected(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ErrorClassifier.CodeOf(ex));
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away or the service is stopping: nothing failed.
            LogCancelled(logger, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
        catch (Exception ex) when (ErrorClassifier.IsStorageFull(ex))
        {
            // Logged once, where the request is answered (503), or by the job that retries.
            throw;
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Message} handled in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string message, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} rejected in {ElapsedMs:0.0} ms: {Code}")]
    private static partial void LogRejected(ILogger logger, string message, double elapsedMs, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message} cancelled after {ElapsedMs:0.0} ms")]
    private static partial void LogCancelled(ILogger logger, string message, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message} failed after {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, Exception exception, string message, double elapsedMs);
}
