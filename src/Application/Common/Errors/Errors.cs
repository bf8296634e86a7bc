using MesaServicios.Domain.Common;

namespace MesaServicios.Application.Common;

/// <summary>Factory for the expected failures that are not a domain rule.</summary>
public static class Errors
{
    public static DomainException NotFound(string code, object? id = null) =>
        new DomainException(code, DomainErrorKind.NotFound, id);

    public static DomainException Forbidden(string code = "common.forbidden") =>
        new DomainException(code, DomainErrorKind.Forbidden);

    public static DomainException Unauthorized(string code = "common.unauthorized") =>
        new DomainException(code, DomainErrorKind.Unauthorized);

    public static DomainException Conflict(string code, params object?[] arguments) =>
        new DomainException(code, DomainErrorKind.Conflict, arguments);

    public static DomainException Rule(string code, params object?[] arguments) =>
        new DomainException(code, DomainErrorKind.RuleBroken, arguments);
}
