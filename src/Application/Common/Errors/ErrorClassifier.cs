using FluentValidation;
using MesaServicios.Domain.Common;

namespace MesaServicios.Application.Common;

/// <summary>Tells expected failures (a rule, a bad input, a stale version) from bugs and outages.</summary>
public static class ErrorClassifier
{
    public static bool IsExpected(Exception exception) =>
        exception is DomainException or ValidationException or ConcurrencyConflictException;

    /// <summary>
    /// The disk is full: SQLite's SQLITE_FULL (13), PostgreSQL's disk_full (53100) or an I/O error ENOSPC (28 on Linux, ERROR_DISK_FULL on Windows),
    /// anywhere in the chain of inner exceptions. An outage to wait out, not a bug: answered 503 with Retry-After.
    /// </summary>
    public static bool IsStorageFull(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Data.Common.DbException { SqlState: "53100" } // PostgreSQL disk_full
                || (current is System.Data.Common.DbException sqlite && sqlite.GetType().GetProperty("SqliteErrorCode")?.GetValue(sqlite) is 13)
                || current is IOException { HResult: 28 or unchecked((int)0x80070070) or unchecked((int)0x80070027) })
            {
                return true;
            }
        }

        return false;
    }

    public static string CodeOf(Exception exception) => exception switch
    {
        DomainException domain => domain.Code,
        ValidationException => "validation_failed",
        ConcurrencyConflictException conflict => conflict.Code,
        _ => "internal_error",
    };
}
