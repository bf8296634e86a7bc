namespace MesaServicios.Application.Tickets.Contracts;

/// <summary>
/// The Tickets module's one door for other modules (Inbox, Notifications): each call is a Tickets use case,
/// run through the mediator inside the caller's transaction. Records of this folder are its vocabulary.
/// </summary>
public interface ITicketsModule
{
    /// <summary>The ticket as other modules may read it, or null when it does not exist (slice <c>GetTicketSummary</c>).</summary>
    ValueTask<TicketSummaryContract?> GetSummaryAsync(int ticketId, CancellationToken cancellationToken);

    /// <summary>Opens a ticket from an e-mail (slice <c>OpenTicketFromEmail</c>).</summary>
    ValueTask<EmailTicketResult> OpenFromEmailAsync(OpenTicketFromEmailCommand command, CancellationToken cancellationToken);

    /// <summary>Adds a mailed reply as a public follow-up (slice <c>AddFollowUpFromEmail</c>).</summary>
    ValueTask<EmailTicketResult> AddFollowUpFromEmailAsync(AddFollowUpFromEmailCommand command, CancellationToken cancellationToken);

    /// <summary>Approves or rejects a solution for the requester who used a mail link (slice <c>DecideSolutionFromLink</c>).</summary>
    ValueTask DecideSolutionFromLinkAsync(DecideSolutionFromLinkCommand command, CancellationToken cancellationToken);

    /// <summary>The desk opens a ticket about an item of equipment for the person who had it (slice <c>OpenTicketAboutEquipment</c>).</summary>
    ValueTask<int> OpenAboutEquipmentAsync(OpenEquipmentTicketCommand command, CancellationToken cancellationToken);
}
