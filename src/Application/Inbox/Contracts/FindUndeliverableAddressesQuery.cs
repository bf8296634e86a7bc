using Mediator;

namespace MesaServicios.Application.Inbox.Contracts;

/// <summary>
/// Which of these addresses a delivery-status report (bounce) said we cannot deliver to — for the
/// Notifications module, to stop mailing them. Unknown or deliverable addresses are absent from the result.
/// </summary>
public sealed record FindUndeliverableAddressesQuery(IReadOnlyCollection<string> Emails) : IQuery<IReadOnlyList<string>>;
