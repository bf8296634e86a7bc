using Mediator;
using MesaServicios.Application.Tickets.Contracts;

namespace MesaServicios.Application.Tickets;

/// <summary>The Tickets module's door for other modules: sends each contract to its slice through the mediator.</summary>
internal sealed class TicketsModule(ISender sender) : ITicketsModule
{
    public ValueTask<TicketSummaryContract?> GetSummaryAsync(int ticketId, CancellationToken cancellationToken) =>
        sender.Send(new GetTicketSummaryQuery(ticketId), cancellationToken);

    public ValueTask<EmailTicketResult> OpenFromEmailAsync(OpenTicketFromEmailCommand command, CancellationToken cancellationToken) =>
        sender.Send(command, cancellationToken);

    public ValueTask<EmailTicketResult> AddFollowUpFromEmailAsync(AddFollowUpFromEmailCommand command, CancellationToken cancellationToken) =>
        sender.Send(command, cancellationToken);

    public async ValueTask DecideSolutionFromLinkAsync(DecideSolutionFromLinkCommand command, CancellationToken cancellationToken) =>
        await sender.Send(command, cancellationToken);

    public ValueTask<int> OpenAboutEquipmentAsync(OpenEquipmentTicketCommand command, CancellationToken cancellationToken) =>
        sender.Send(command, cancellationToken);
}
