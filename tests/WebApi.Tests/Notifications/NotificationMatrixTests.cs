using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Tickets;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Notifications;

/// <summary>
/// Acceptance 1: for every event of the matrix, exactly the expected people get one in-app notification and one
/// e-mail — the actor, duplicates (one person, two roles) and inactive users excluded; private follow-ups reach
/// technicians only. Events are published as the Tickets module publishes them: inside one transaction.
/// </summary>
public sealed class NotificationMatrixTests : IClassFixture<NotificationsFactory>
{
    private static int _nextTicket = 100;
    private readonly NotificationsFactory _factory;

    public NotificationMatrixTests(NotificationsFactory factory) => _factory = factory;

    public static TheoryData<string> Cases => new(Scenarios.Keys);

    private static readonly Dictionary<string, Func<NotificationCast, int, (TicketIntegrationEvent Event, TestUser[] Expected)>> Scenarios = new()
    {
        ["created by the requester, unassigned: confirmation to him, alert to every active technician, observers"] = (c, id) =>
            (Created(c, id, actor: c.Requester, assigned: null), [c.Requester, c.Observer, .. c.AllTechnicians]),
        ["created by a technician for the requester, assigned: requester, observers, assigned technician"] = (c, id) =>
            (Created(c, id, actor: c.OtherTechnician, assigned: c.Technician), [c.Requester, c.Observer, c.Technician]),
        ["assigned by another technician: requester and the assigned technician"] = (c, id) =>
            (Base<TicketAssignedIntegrationEvent>(c, id, c.OtherTechnician, c.Technician), [c.Requester, c.Technician]),
        ["technician takes the ticket himself: only the requester"] = (c, id) =>
            (Base<TicketAssignedIntegrationEvent>(c, id, c.Technician, c.Technician), [c.Requester]),
        ["public follow-up by the requester, assigned technician also observer: one message to him"] = (c, id) =>
            (FollowUp(c, id, c.Requester, c.Technician, isPrivate: false, observers: [c.Observer.Id, c.Technician.Id, c.InactiveObserver.Id]), [c.Observer, c.Technician]),
        ["public follow-up by the requester, unassigned: observers and every technician"] = (c, id) =>
            (FollowUp(c, id, c.Requester, null, isPrivate: false), [c.Observer, .. c.AllTechnicians]),
        ["public follow-up by the technician: requester and observers"] = (c, id) =>
            (FollowUp(c, id, c.Technician, c.Technician, isPrivate: false), [c.Requester, c.Observer]),
        ["private follow-up by another technician: the assigned technician only"] = (c, id) =>
            (FollowUp(c, id, c.OtherTechnician, c.Technician, isPrivate: true), [c.Technician]),
        ["private follow-up on an unassigned ticket: every other technician, no requester, no observer"] = (c, id) =>
            (FollowUp(c, id, c.Technician, null, isPrivate: true), [c.OtherTechnician, c.Admin, c.OtherAdmin]),
        ["private follow-up with a requester as observer: never reaches him"] = (c, id) =>
            (FollowUp(c, id, c.OtherTechnician, c.Technician, isPrivate: true, observers: [c.Observer.Id, c.Requester.Id]), [c.Technician]),
        ["pending: requester and observers"] = (c, id) =>
            (Base<TicketPendingIntegrationEvent>(c, id, c.Technician, c.Technician) with { Reason = "Esperamos el número de inventario." }, [c.Requester, c.Observer]),
        ["solved: requester and observers"] = (c, id) =>
            (Base<TicketSolvedIntegrationEvent>(c, id, c.Technician, c.Technician) with { Solution = "Se reinstaló el controlador." }, [c.Requester, c.Observer]),
        ["approved by the requester: technician and observers"] = (c, id) =>
            (Base<TicketApprovedIntegrationEvent>(c, id, c.Requester, c.Technician) with { Comment = "Gracias" }, [c.Technician, c.Observer]),
        ["rejected by the requester: technician and observers"] = (c, id) =>
            (Base<TicketRejectedIntegrationEvent>(c, id, c.Requester, c.Technician) with { Reason = "Sigue fallando." }, [c.Technician, c.Observer]),
        ["closed automatically (no actor): requester, observers, technician"] = (c, id) =>
            (Base<TicketClosedIntegrationEvent>(c, id, null, c.Technician) with { Automatic = true }, [c.Requester, c.Observer, c.Technician]),
        ["escalated (target missed): every active administrator, nobody else"] = (c, id) =>
            (Base<TicketEscalatedIntegrationEvent>(c, id, null, c.Technician) with { Level = "OwnMissed", ToAdministrators = true }, [c.Admin, c.OtherAdmin]),
        ["service-level warning on an unassigned ticket: every active technician"] = (c, id) =>
            (Base<TicketEscalatedIntegrationEvent>(c, id, null, null) with { Level = "OwnNearing", ToAdministrators = false }, c.AllTechnicians.ToArray()),
        ["observer added: a welcome to the new observer only"] = (c, id) =>
            (Base<TicketObserverAddedIntegrationEvent>(c, id, c.Requester, c.Technician) with { ObserverId = c.Observer.Id }, [c.Observer]),
        ["inactive observer added: nobody"] = (c, id) =>
            (Base<TicketObserverAddedIntegrationEvent>(c, id, c.Requester, c.Technician) with { ObserverId = c.InactiveObserver.Id }, []),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Event_ReachesExactlyTheExpectedPeople_InAppAndByEmail_Once(string scenario)
    {
        var cast = await _factory.CastAsync();
        var ticketId = Interlocked.Increment(ref _nextTicket);
        var (integrationEvent, expected) = Scenarios[scenario](cast, ticketId);

        await PublishAsync(integrationEvent);

        var expectedIds = expected.Select(u => u.Id).OrderBy(id => id).ToArray();
        // A desk alert is one row for every desk member of its language: count the people who see it, not rows.
        var inApp = (await _factory.WithDbAsync(InAppAudience.SeenAsync)).Where(n => n.TicketId == ticketId).Select(n => n.UserId).ToList();
        // A desk alert is one mail with every desk member of its language as a recipient: count people, not rows.
        var mailed = (await _factory.WithDbAsync(db => db.OutboxEmails.Where(e => e.TicketId == ticketId).ToListAsync()))
            .SelectMany(e => e.Addressees().Select(a => a.UserId!.Value)).ToList();
        Assert.Equal(expectedIds, inApp.OrderBy(id => id).ToArray());
        Assert.Equal(expectedIds, mailed.OrderBy(id => id).ToArray());
    }

    [Fact]
    public async Task Created_ConfirmationToTheRequesterCarriesTheThreadRoot_AndEveryOtherMailReferencesIt()
    {
        var cast = await _factory.CastAsync();
        var ticketId = Interlocked.Increment(ref _nextTicket);

        await PublishAsync(Created(cast, ticketId, cast.Requester, null));
        await PublishAsync(FollowUp(cast, ticketId, cast.Technician, cast.Technician, isPrivate: false));

        var mails = await _factory.WithDbAsync(db => db.OutboxEmails.Where(e => e.TicketId == ticketId).ToListAsync());
        var root = $"ticket-{ticketId}@mesa.iescinoc.edu.co";
        var confirmation = Assert.Single(mails, m => m.RecipientUserId == cast.Requester.Id && m.Kind == "ticket.created");
        Assert.Equal(root, confirmation.MessageId);
        Assert.All(mails.Where(m => m.Id != confirmation.Id), m =>
        {
            Assert.Equal(root, m.InReplyTo);
            Assert.Contains(root, m.References!, StringComparison.Ordinal);
            Assert.NotEqual(root, m.MessageId);
        });
        Assert.All(mails, m => Assert.StartsWith($"[Mesa #{ticketId}] ", m.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Solved_MailToTheRequesterExplainsHowToApproveOrReject_WithTwoSignedLinks_ObserversGetNoLinks()
    {
        var cast = await _factory.CastAsync();
        var ticketId = Interlocked.Increment(ref _nextTicket);

        await PublishAsync(Base<TicketSolvedIntegrationEvent>(cast, ticketId, cast.Technician, cast.Technician) with { Solution = "Cambiamos el cable de red." });

        var mails = await _factory.WithDbAsync(db => db.OutboxEmails.Where(e => e.TicketId == ticketId).ToListAsync());
        var requesterMail = Assert.Single(mails, m => m.RecipientUserId == cast.Requester.Id);
        Assert.Contains("Aprobar la solución: http://localhost/api/v1/notifications/links/", requesterMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Rechazar la solución: http://localhost/api/v1/notifications/links/", requesterMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Cambiamos el cable de red.", requesterMail.TextBody, StringComparison.Ordinal);
        var observerMail = Assert.Single(mails, m => m.RecipientUserId == cast.Observer.Id);
        Assert.DoesNotContain("/notifications/links/", observerMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Solution", observerMail.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, await _factory.WithDbAsync(db => db.ActionLinks.CountAsync(l => l.TicketId == ticketId && l.UserId == cast.Requester.Id)));
    }

    [Fact]
    public async Task ObserverAdded_WelcomeCarriesTheTicketSummary()
    {
        var cast = await _factory.CastAsync();
        var ticketId = Interlocked.Increment(ref _nextTicket);

        await PublishAsync(Base<TicketObserverAddedIntegrationEvent>(cast, ticketId, cast.Requester, cast.Technician) with { ObserverId = cast.Observer.Id });

        var mail = await _factory.WithDbAsync(db => db.OutboxEmails.SingleAsync(e => e.TicketId == ticketId));
        Assert.Contains("You are now an observer of ticket", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Ticket summary", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"#{ticketId} Impresora sin conexión", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Requester: Ana Solicitante", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Assigned technician: Tomás Técnico", mail.TextBody, StringComparison.Ordinal);
    }

    private Task PublishAsync(TicketIntegrationEvent integrationEvent) => integrationEvent switch
    {
        TicketCreatedIntegrationEvent e => _factory.PublishAsync(e),
        TicketAssignedIntegrationEvent e => _factory.PublishAsync(e),
        TicketFollowUpAddedIntegrationEvent e => _factory.PublishAsync(e),
        TicketPendingIntegrationEvent e => _factory.PublishAsync(e),
        TicketSolvedIntegrationEvent e => _factory.PublishAsync(e),
        TicketApprovedIntegrationEvent e => _factory.PublishAsync(e),
        TicketRejectedIntegrationEvent e => _factory.PublishAsync(e),
        TicketClosedIntegrationEvent e => _factory.PublishAsync(e),
        TicketEscalatedIntegrationEvent e => _factory.PublishAsync(e),
        TicketObserverAddedIntegrationEvent e => _factory.PublishAsync(e),
        _ => throw new ArgumentOutOfRangeException(nameof(integrationEvent)),
    };

    internal static TicketCreatedIntegrationEvent Created(NotificationCast c, int id, TestUser actor, TestUser? assigned) => new()
    {
        TicketId = id,
        Title = "Impresora sin conexión",
        ActorId = actor.Id,
        RequesterId = c.Requester.Id,
        AssignedTechnicianId = assigned?.Id,
        ObserverIds = [c.Observer.Id, c.InactiveObserver.Id],
        Status = assigned is null ? TicketStatus.New : TicketStatus.InProgress,
        OccurredAt = DateTimeOffset.UnixEpoch,
        Type = TicketType.Incident,
        Urgency = Urgency.High,
        Source = TicketSource.Portal,
        Description = "La impresora del segundo piso no imprime.",
    };

    internal static TicketFollowUpAddedIntegrationEvent FollowUp(NotificationCast c, int id, TestUser actor, TestUser? assigned, bool isPrivate, IReadOnlyList<Guid>? observers = null) =>
        Base<TicketFollowUpAddedIntegrationEvent>(c, id, actor, assigned) with
        {
            FollowUpId = Guid.NewGuid(),
            IsPrivate = isPrivate,
            Content = isPrivate ? "Nota interna: revisar el switch." : "¿Ya se reinició el equipo?",
            ObserverIds = observers ?? [c.Observer.Id, c.InactiveObserver.Id],
        };

    /// <summary>
    /// An event of the given type about a ticket of the cast (observers: the active and the inactive one); the
    /// caller sets the type's own fields with a <c>with</c> expression.
    /// </summary>
    internal static TEvent Base<TEvent>(NotificationCast c, int id, TestUser? actor, TestUser? assigned)
        where TEvent : TicketIntegrationEvent
    {
        var e = (TEvent)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(TEvent));
        void Set(string name, object? value) => typeof(TicketIntegrationEvent).GetProperty(name)!.SetValue(e, value);
        Set(nameof(TicketIntegrationEvent.TicketId), id);
        Set(nameof(TicketIntegrationEvent.Title), "Impresora sin conexión");
        Set(nameof(TicketIntegrationEvent.ActorId), actor?.Id);
        Set(nameof(TicketIntegrationEvent.RequesterId), c.Requester.Id);
        Set(nameof(TicketIntegrationEvent.AssignedTechnicianId), assigned?.Id);
        Set(nameof(TicketIntegrationEvent.ObserverIds), new[] { c.Observer.Id, c.InactiveObserver.Id });
        Set(nameof(TicketIntegrationEvent.Status), TicketStatus.InProgress);
        Set(nameof(TicketIntegrationEvent.OccurredAt), DateTimeOffset.UnixEpoch);
        return e;
    }
}
