using System.Diagnostics;
using System.Text.Json;
using FluentValidation;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MesaServicios.WebApi.Common;

/// <summary>
/// The one place where failures become RFC 9457 problem responses: a stable <c>code</c>, a localized
/// <c>detail</c>, the <c>traceId</c>, and for bad input every field's errors. Stack traces only in Development.
/// </summary>
internal sealed partial class ProblemResponses(IHostEnvironment environment, ILogger<ProblemResponses> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Create(httpContext, exception);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // The disk is full: one line, no stack trace; readiness reports it; the client is told when to retry.
            httpContext.RequestServices.GetRequiredService<Infrastructure.Common.Health.StorageStatus>().ReportFull();
            LogStorageFull(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
            httpContext.Response.Headers.RetryAfter = "60";
        }
        else if (problem.Status >= 500)
        {
            LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            if (environment.IsDevelopment())
            {
                problem.Extensions["exception"] = exception.ToString();
            }
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        if (exception is DomainException { Details: var details } && details.TryGetValue("retryAfterSeconds", out var retry) && retry is not null)
        {
            httpContext.Response.Headers.RetryAfter = Convert.ToString(retry, System.Globalization.CultureInfo.InvariantCulture);
        }

        await httpContext.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        return true;
    }

    public static ProblemDetails Create(HttpContext httpContext, Exception exception) => exception switch
    {
        _ when ErrorClassifier.IsStorageFull(exception) => Build(httpContext, 503, "common.storage_unavailable"),
        ValidationException validation => Validation(httpContext, validation),
        DomainException domain => Domain(httpContext, domain),
        ConcurrencyConflictException conflict => Build(httpContext, conflict.PreconditionFailed ? 412 : 409, conflict.Code),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => Build(httpContext, 413, "common.payload_too_large"),
        BadHttpRequestException { InnerException: JsonException json } => MalformedJson(httpContext, json),
        BadHttpRequestException bad => Build(httpContext, bad.StatusCode, "common.bad_request"),
        JsonException json => MalformedJson(httpContext, json),
        OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => Build(httpContext, 499, "common.bad_request"),
        _ => Build(httpContext, 500, "common.internal_error"),
    };

    public static ProblemDetails Build(HttpContext httpContext, int status, string code, string? detail = null, params object?[] arguments)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = $"https://mesa.iescinoc.edu.co/problems/{code.Replace('.', '/').Replace('_', '-')}",
            Title = Title(status),
            Detail = detail is null ? Messages.Get(code, arguments) : $"{Messages.Get(code, arguments)} {detail}",
            Instance = httpContext.Request.Path,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        return problem;
    }

    private static ProblemDetails Domain(HttpContext httpContext, DomainException exception)
    {
        var status = exception.Kind switch
        {
            DomainErrorKind.Conflict => 409,
            DomainErrorKind.Forbidden => 403,
            DomainErrorKind.NotFound => 404,
            DomainErrorKind.Unauthorized => 401,
            DomainErrorKind.Locked => 423,
            DomainErrorKind.TooManyRequests => 429,
            DomainErrorKind.BadRequest => 400,
            _ => 422,
        };
        var problem = Build(httpContext, status, exception.Code, null, exception.Arguments.ToArray());
        foreach (var (name, value) in exception.Details)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>A body that is not valid JSON, or a value of the wrong type (e.g. an unknown enum name), names the field.</summary>
    private static ProblemDetails MalformedJson(HttpContext httpContext, JsonException exception)
    {
        var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
        var problem = Build(httpContext, 400, "validation_failed");
        problem.Title = Messages.Get("validation_failed.title");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [CamelCasePath(field)] = [Messages.Get("common.invalid_value")] };
        return problem;
    }

    private static ProblemDetails Validation(HttpContext httpContext, ValidationException exception)
    {
        var errors = exception.Errors
            .GroupBy(e => CamelCasePath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        var problem = Build(httpContext, 400, "validation_failed");
        problem.Title = Messages.Get("validation_failed.title");
        problem.Extensions["errors"] = errors;
        return problem;
    }

    /// <summary>"Observers[0].Email" → "observers[0].email", so errors name the JSON fields clients sent.</summary>
    internal static string CamelCasePath(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        return string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
    }

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        412 => "Precondition Failed",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        423 => "Locked",
        428 => "Precondition Required",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage full on {Method} {Path}: {Reason}; answered 503, nothing was saved")]
    private static partial void LogStorageFull(ILogger logger, string method, string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
