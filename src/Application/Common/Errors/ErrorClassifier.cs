using FluentValidation;
using MesaServicios.Domain.Common;

namespace MesaServicios.Application.Common;

/// <summary>Tells expected failures (a rule, a bad input, a stale version) from bugs and outages.</summary>
public static class ErrorClassifier
{
    public static bool IsExpected(Exception exception) =>
        exception is DomainException or ValidationException or ConcurrencyConflictException;

    public static string CodeOf(Exception exception) => exception switch
    {
        DomainException domain => domain.Code,
        ValidationException => "validation_failed",
        ConcurrencyConflictException conflict => conflict.Code,
        _ => "internal_error",
    };
}
