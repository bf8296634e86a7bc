using Mediator;

namespace MesaServicios.Application.Notifications.Contracts;

/// <summary>
/// The ticket a mail thread belongs to: the first of <paramref name="MessageIds"/> (from In-Reply-To and
/// References) that is the Message-ID of a mail we sent about a ticket, or the thread root every such mail
/// references (<c>ticket-N@{MessageIdDomain}</c>). Null when none is ours.
/// </summary>
public sealed record FindTicketByMessageIdQuery(IReadOnlyList<string> MessageIds) : IQuery<int?>;
