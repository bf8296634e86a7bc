namespace MesaServicios.Application.Tickets;

/// <summary>
/// Port: hands out ticket numbers (<c>#N</c>, also the ticket's id) before the ticket is saved, so that everything
/// about a new ticket — its answer, its notifications and e-mails, which all name it — is prepared before the
/// command takes the single write turn. Numbers only grow; a creation that fails after taking one leaves a gap.
/// </summary>
public interface ITicketNumbers
{
    ValueTask<int> NextAsync(CancellationToken cancellationToken);
}
