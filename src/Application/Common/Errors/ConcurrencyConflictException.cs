namespace MesaServicios.Application.Common;

/// <summary>
/// The resource changed since the client read it (a stale <c>If-Match</c>: 412), or a concurrent writer won
/// the race (409). Thrown by the persistence layer, mapped to a problem response in one place.
/// </summary>
public sealed class ConcurrencyConflictException(bool preconditionFailed) : Exception(preconditionFailed ? "precondition_failed" : "concurrency_conflict")
{
    public bool PreconditionFailed { get; } = preconditionFailed;

    public string Code => PreconditionFailed ? "common.precondition_failed" : "common.concurrent_update";
}
