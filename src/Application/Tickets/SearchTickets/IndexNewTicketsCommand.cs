using Mediator;

namespace MesaServicios.Application.Tickets.SearchTickets;

/// <summary>
/// Moves the tickets' full-text index forward (the recurring job <c>tickets.search-index</c>, every minute): the tickets
/// opened more than <see cref="Settle"/> ago that are not indexed yet, a batch at a time. Out of the creation's write
/// turn, so opening a ticket pays nothing for the index; until then the search finds a new ticket by scanning the few
/// tickets above the watermark. Idempotent, and safe with two runs at once (each runs in its own write turn and reads
/// the watermark the other left).
/// </summary>
public sealed record IndexNewTicketsCommand(int Max = IndexNewTicketsCommand.DefaultBatch) : ICommand<int>
{
    public const int DefaultBatch = 20_000;

    /// <summary>
    /// A ticket's number is taken before its write turn: one opened this recently may still be committing, and the
    /// watermark must not pass it. Anything this young is found by the scan above the watermark.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
}

internal sealed class IndexNewTicketsCommandHandler(ITicketSearchIndex index, TimeProvider clock) : ICommandHandler<IndexNewTicketsCommand, int>
{
    public async ValueTask<int> Handle(IndexNewTicketsCommand command, CancellationToken cancellationToken) =>
        await index.CatchUpAsync(clock.GetUtcNow() - IndexNewTicketsCommand.Settle, command.Max, cancellationToken);
}
