using Mediator;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Application.Tickets.IntegrationEvents;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Tickets.Events;
using NSubstitute;

namespace MesaServicios.Application.Tests.Tickets;

public sealed class PublishTicketIntegrationEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);
    private static readonly TicketActor Requester = TicketActor.Requester(Guid.NewGuid());
    private static readonly TicketActor Desk = TicketActor.Desk(Guid.NewGuid());
    private static readonly Guid Observer = Guid.NewGuid();

    private readonly IPublisher _publisher = Substitute.For<IPublisher>();
    private readonly List<object> _published = [];

    public PublishTicketIntegrationEventsTests()
    {
        _publisher.Publish(Arg.Do<object>(_published.Add), Arg.Any<CancellationToken>()).Returns(ValueTask.CompletedTask);
        _publisher.Publish(Arg.Do<INotification>(_published.Add), Arg.Any<CancellationToken>()).Returns(ValueTask.CompletedTask);
    }

    private static Ticket NewTicket() => Ticket.Open(
        TicketDraft.FromPortal(
            Requester, new RequesterSnapshot("Ana", "Biblioteca", null), "La impresora no imprime",
            "La impresora del bloque B no imprime.", TicketType.Incident, Urgency.High) with { ObserverIds = [Observer] },
        PriorityMatrix.Default,
        Now);

    private async Task DispatchAllAsync(Ticket ticket)
    {
        var handler = new PublishTicketIntegrationEvents(_publisher);
        foreach (var domainEvent in ticket.DequeueDomainEvents())
        {
            await (domainEvent switch
            {
                TicketCreated e => handler.Handle(e, CancellationToken.None),
                TicketAssigned e => handler.Handle(e, CancellationToken.None),
                TicketUnassigned e => handler.Handle(e, CancellationToken.None),
                TicketFollowUpAdded e => handler.Handle(e, CancellationToken.None),
                TicketPutPending e => handler.Handle(e, CancellationToken.None),
                TicketSolved e => handler.Handle(e, CancellationToken.None),
                TicketApproved e => handler.Handle(e, CancellationToken.None),
                TicketRejected e => handler.Handle(e, CancellationToken.None),
                TicketObserverAdded e => handler.Handle(e, CancellationToken.None),
                TicketObserverRemoved e => handler.Handle(e, CancellationToken.None),
                TicketClosed e => handler.Handle(e, CancellationToken.None),
                _ => throw new InvalidOperationException(domainEvent.GetType().Name),
            });
        }
    }

    [Fact]
    public async Task EveryDomainEvent_IsPublishedAsItsContract_WithParticipantsActorAndStatus()
    {
        var ticket = NewTicket();
        ticket.Assign(Desk, Desk.UserId, Now);
        ticket.AddFollowUp(Desk, "¿Qué modelo es?", false, TicketSource.Portal, Now);
        ticket.PutPending(Desk, "Esperando", Now);
        ticket.Solve(Desk, "Se cambió el tóner", Now);
        ticket.Reject(Requester, "Sigue igual", Now);
        ticket.Solve(Desk, "Se cambió el rodillo", Now);
        ticket.Approve(Requester, "Gracias", Now);

        await DispatchAllAsync(ticket);

        Assert.Equal(
            [typeof(TicketCreatedIntegrationEvent), typeof(TicketObserverAddedIntegrationEvent), typeof(TicketAssignedIntegrationEvent),
             typeof(TicketFollowUpAddedIntegrationEvent), typeof(TicketPendingIntegrationEvent), typeof(TicketSolvedIntegrationEvent),
             typeof(TicketRejectedIntegrationEvent), typeof(TicketSolvedIntegrationEvent), typeof(TicketApprovedIntegrationEvent),
             typeof(TicketClosedIntegrationEvent)],
            _published.Select(e => e.GetType()));
        var events = _published.Cast<TicketIntegrationEvent>().ToList();
        Assert.All(events, e => Assert.Equal(Requester.UserId, e.RequesterId));
        Assert.All(events, e => Assert.Equal([Observer], e.ObserverIds));
        Assert.All(events.Skip(2), e => Assert.Equal(Desk.UserId, e.AssignedTechnicianId));
        Assert.Equal(Requester.UserId, events.OfType<TicketRejectedIntegrationEvent>().Single().ActorId);
        Assert.Equal(Desk.UserId, events.OfType<TicketAssignedIntegrationEvent>().Single().ActorId);
        var closed = events.OfType<TicketClosedIntegrationEvent>().Single();
        Assert.False(closed.Automatic);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Equal("Gracias", events.OfType<TicketApprovedIntegrationEvent>().Single().Comment);
    }

    [Fact]
    public async Task AutomaticClosure_HasNoActor_AndUnassignmentNamesThePreviousTechnician()
    {
        var ticket = NewTicket();
        ticket.Assign(Desk, Desk.UserId, Now);
        ticket.Unassign(Desk, Now);
        ticket.AddObserver(Desk, Guid.NewGuid(), Now);
        ticket.RemoveObserver(Requester, Observer, Now);
        ticket.Solve(Desk, "Listo", Now);
        ticket.CloseAutomatically(Now.AddDays(6), TimeSpan.FromDays(5));

        await DispatchAllAsync(ticket);

        var unassigned = _published.OfType<TicketAssignedIntegrationEvent>().Last();
        Assert.Null(unassigned.AssignedTechnicianId);
        Assert.Equal(Desk.UserId, unassigned.PreviousTechnicianId);
        Assert.Equal(Observer, _published.OfType<TicketObserverRemovedIntegrationEvent>().Single().ObserverId);
        var closed = _published.OfType<TicketClosedIntegrationEvent>().Single();
        Assert.True(closed.Automatic);
        Assert.Null(closed.ActorId);
    }

    [Fact]
    public async Task IntegrationEvents_CarryTheTicketAsItWasWhenTheEventHappened_NotAsItIsAtDispatch()
    {
        var ticket = NewTicket();
        var newObserver = Guid.NewGuid();
        ticket.Assign(Desk, Desk.UserId, Now);
        ticket.AddFollowUp(Desk, "Voy en camino.", false, TicketSource.Portal, Now);
        ticket.Unassign(Desk, Now);
        ticket.AddObserver(Desk, newObserver, Now);
        ticket.Solve(Desk, "Listo", Now);

        await DispatchAllAsync(ticket);

        var followUp = _published.OfType<TicketFollowUpAddedIntegrationEvent>().Single();
        Assert.Equal(Desk.UserId, followUp.AssignedTechnicianId);
        Assert.Equal(TicketStatus.InProgress, followUp.Status);
        Assert.Equal([Observer], followUp.ObserverIds);
        Assert.Equal("Voy en camino.", followUp.Content);
        var solved = _published.OfType<TicketSolvedIntegrationEvent>().Single();
        Assert.Null(solved.AssignedTechnicianId);
        Assert.Equal(TicketStatus.Solved, solved.Status);
        Assert.Equal([Observer, newObserver], solved.ObserverIds);
    }
}
