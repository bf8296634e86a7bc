using MesaServicios.Domain.Common;

namespace MesaServicios.Application.Users.Sessions;

/// <summary>
/// A result that is either a value or an expected failure. Used where the failure itself must be committed
/// (a counted failed sign-in, a session revoked for token reuse): the handler returns, the transaction
/// commits, and the endpoint turns the error into a problem response afterwards.
/// </summary>
public sealed record CommandOutcome<T>(T? Value, DomainException? Error)
{
    public static CommandOutcome<T> Success(T value) => new(value, null);

    public static CommandOutcome<T> Failure(DomainException error) => new(default, error);

    public T GetValueOrThrow() => Error is null ? Value! : throw Error;
}
