using Mediator;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Tickets.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>The mail-ingestion module finds the ticket of a reply from the thread ids our mails carry.</summary>
public sealed class FindTicketByMessageIdTests : IClassFixture<NotificationsFactory>
{
    private readonly NotificationsFactory _factory;

    public FindTicketByMessageIdTests(NotificationsFactory factory) => _factory = factory;

    [Fact]
    public async Task Find_ByTheMessageIdOfOneOfOurMails_OrByTheThreadRoot_ReturnsTheTicket()
    {
        var cast = await _factory.CastAsync();
        await _factory.PublishAsync(NotificationMatrixTests.Base<TicketPendingIntegrationEvent>(cast, 4321, cast.Technician, cast.Technician) with { Reason = "Esperando." });
        var ours = await _factory.WithDbAsync(db => db.OutboxEmails.Where(e => e.TicketId == 4321).Select(e => e.MessageId).FirstAsync());

        Assert.Equal(4321, await FindAsync("<unknown@elsewhere.org>", $"<{ours}>"));
        Assert.Equal(77, await FindAsync("<ticket-77@mesa.iescinoc.edu.co>"));
        Assert.Null(await FindAsync("<ticket-77@otro-dominio.org>"));
        Assert.Null(await FindAsync("<ticket-x7@mesa.iescinoc.edu.co>", "  "));
    }

    private Task<int?> FindAsync(params string[] ids) =>
        _factory.WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(new FindTicketByMessageIdQuery(ids)));
}
