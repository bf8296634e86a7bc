using Mediator;
using MesaServicios.Application.Tickets.Contracts;

namespace MesaServicios.Application.Inbox;

/// <summary>
/// The one place where the Inbox module acts on tickets: the Tickets module's public contracts, and nothing
/// else. A seam so the ingestion can be exercised whatever the state of the Tickets module.
/// </summary>
public interface IInboxTicketGateway
{
    ValueTask<TicketSummaryContract?> GetTicketAsync(int ticketId, CancellationToken cancellationToken);

    ValueTask<EmailTicketResult> CreateTicketAsync(CreateTicketFromEmailCommand command, CancellationToken cancellationToken);

    ValueTask<EmailTicketResult> AddFollowUpAsync(AddEmailFollowUpCommand command, CancellationToken cancellationToken);
}

/// <summary>Sends the Tickets contracts through the mediator (joining the caller's transaction).</summary>
internal sealed class MediatorInboxTicketGateway(ISender sender) : IInboxTicketGateway
{
    public ValueTask<TicketSummaryContract?> GetTicketAsync(int ticketId, CancellationToken cancellationToken) =>
        sender.Send(new GetTicketSummaryQuery(ticketId), cancellationToken);

    public ValueTask<EmailTicketResult> CreateTicketAsync(CreateTicketFromEmailCommand command, CancellationToken cancellationToken) =>
        sender.Send(command, cancellationToken);

    public ValueTask<EmailTicketResult> AddFollowUpAsync(AddEmailFollowUpCommand command, CancellationToken cancellationToken) =>
        sender.Send(command, cancellationToken);
}
