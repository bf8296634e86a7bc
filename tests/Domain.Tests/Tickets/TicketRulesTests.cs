using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets;
using MesaServicios.Domain.Tickets.Events;
using static MesaServicios.Domain.Tests.Tickets.TicketBuilder;

namespace MesaServicios.Domain.Tests.Tickets;

public sealed class TicketRulesTests
{
    public static TheoryData<Urgency, Impact, Priority> GlpiMatrix()
    {
        int[,] expected =
        {
            { 1, 1, 2, 2, 2 },
            { 1, 2, 2, 3, 3 },
            { 2, 2, 3, 4, 4 },
            { 2, 3, 4, 4, 5 },
            { 2, 3, 4, 5, 5 },
        };
        var data = new TheoryData<Urgency, Impact, Priority>();
        for (var u = 1; u <= 5; u++)
        {
            for (var i = 1; i <= 5; i++)
            {
                data.Add((Urgency)u, (Impact)i, (Priority)expected[u - 1, i - 1]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GlpiMatrix))]
    public void PriorityMatrix_Default_IsGlpisTable(Urgency urgency, Impact impact, Priority priority)
    {
        Assert.Equal(priority, PriorityMatrix.Default.PriorityOf(urgency, impact));
    }

    [Fact]
    public void PriorityMatrix_IsConfigurable_AndRejectsMalformedTables()
    {
        var flat = new PriorityMatrix(Enumerable.Range(0, 5).Select(_ => (IReadOnlyList<int>)[3, 3, 3, 3, 3]).ToList());
        Assert.Equal(Priority.Medium, flat.PriorityOf(Urgency.VeryHigh, Impact.VeryHigh));

        Assert.Throws<DomainException>(() => new PriorityMatrix([[1, 2, 3]]));
        Assert.Throws<DomainException>(() => new PriorityMatrix(Enumerable.Range(0, 5).Select(_ => (IReadOnlyList<int>)[0, 3, 3, 3, 6]).ToList()));
    }

    [Fact]
    public void Open_StartsNew_WithMediumImpact_PriorityFromTheMatrix_AndRaisesCreatedAndObserverAdded()
    {
        var ticket = Open(Urgency.VeryHigh);

        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(Impact.Medium, ticket.Impact);
        Assert.Equal(Priority.High, ticket.Priority);
        Assert.Equal(1, ticket.Version);
        Assert.Null(ticket.FirstResponseAt);
        Assert.Equal([Observer.UserId], ticket.ActiveObserverIds);
        var events = ticket.DequeueDomainEvents();
        Assert.IsType<TicketCreated>(events[0]);
        Assert.Equal(Observer.UserId, Assert.IsType<TicketObserverAdded>(events[1]).ObserverId);
    }

    [Theory]
    [InlineData("abc", "Descripción suficientemente larga", "tickets.title_length")]
    [InlineData("Título correcto", "corta", "tickets.description_length")]
    public void Open_WithTooShortTexts_IsRefused(string title, string description, string code)
    {
        var error = Assert.Throws<DomainException>(() => Ticket.Open(
            TicketDraft.FromPortal(Requester, new RequesterSnapshot("Ana", null, null), title, description, TicketType.Request, Urgency.Medium),
            PriorityMatrix.Default,
            Start));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void IncompleteTicket_StaysIncompleteForTheDeskAndObservers_UntilTheRequesterAnswers()
    {
        var ticket = Open(source: TicketSource.Email);
        ticket.MarkIncomplete();

        ticket.AddFollowUp(Desk, "¿Nos indicas la sede y el número de la sala?", false, TicketSource.Portal, Start.AddMinutes(5));
        ticket.AddFollowUp(Desk, "Nota interna: revisar inventario.", true, TicketSource.Portal, Start.AddMinutes(6));
        ticket.AddFollowUp(Observer, "Yo también trabajo en esa sala.", false, TicketSource.Portal, Start.AddMinutes(7));
        Assert.True(ticket.IsIncomplete);

        ticket.AddFollowUp(Requester, "Sede norte, sala 204.", false, TicketSource.Email, Start.AddMinutes(10));
        Assert.False(ticket.IsIncomplete);
    }

    [Fact]
    public void SystemNote_HasNoAuthor_NeverCountsAsTheRequestersAnswer_AndChangesNoStatus()
    {
        var ticket = Open(source: TicketSource.Email);
        ticket.MarkIncomplete();

        var note = ticket.AddSystemNote("Adjuntos no aceptados: instalador.exe (ejecutable)", TicketSource.Email, Start.AddMinutes(1));

        Assert.True(ticket.IsIncomplete);
        Assert.Null(note.AuthorId);
        Assert.False(note.IsPrivate);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Null(ticket.FirstResponseAt);
        var added = Assert.IsType<TicketFollowUpAdded>(ticket.DomainEvents[^1]);
        Assert.Null(added.ActorId);
    }

    [Fact]
    public void RequesterDetails_OnlyTheRequesterUpdatesThem_AndOnlyWhatHeGives()
    {
        var ticket = Open(source: TicketSource.Email);
        var before = ticket.Requester;

        Assert.Equal("tickets.action_forbidden", Assert.Throws<DomainException>(() => ticket.UpdateRequesterDetails(Desk, "Otro", null, null, Start)).Code);
        ticket.UpdateRequesterDetails(Requester, "  Ana María Gómez ", null, "3109876543", Start.AddMinutes(3));

        Assert.Equal(new RequesterSnapshot("Ana María Gómez", before.Department, "3109876543"), ticket.Requester);
    }

    [Fact]
    public void SetImpact_RecomputesPriority()
    {
        var ticket = Open(Urgency.High);

        ticket.SetImpact(Desk, Impact.VeryHigh, PriorityMatrix.Default, Start);

        Assert.Equal(Priority.VeryHigh, ticket.Priority);
    }

    [Fact]
    public void FirstResponse_IsRecordedByAssignment()
    {
        var ticket = Open();
        var at = Start.AddHours(2);

        ticket.Assign(Desk, Desk.UserId, at);
        ticket.AddFollowUp(Desk, "Otro mensaje", false, TicketSource.Portal, at.AddHours(1));

        Assert.Equal(at, ticket.FirstResponseAt);
    }

    [Fact]
    public void FirstResponse_IsRecordedByAPublicDeskFollowUp_WhichAlsoStartsWork()
    {
        var ticket = Open();
        ticket.AddFollowUp(Requester, "Agrego información", false, TicketSource.Portal, Start.AddMinutes(5));
        ticket.AddFollowUp(Desk, "Nota interna", true, TicketSource.Portal, Start.AddMinutes(10));
        ticket.AddFollowUp(Observer, "Me pasa igual", false, TicketSource.Portal, Start.AddMinutes(15));
        Assert.Null(ticket.FirstResponseAt);
        Assert.Equal(TicketStatus.New, ticket.Status);

        ticket.AddFollowUp(Desk, "Vamos a revisarlo", false, TicketSource.Portal, Start.AddMinutes(20));

        Assert.Equal(Start.AddMinutes(20), ticket.FirstResponseAt);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
    }

    [Fact]
    public void RequesterFollowUp_OnPending_ReturnsToInProgress_ButAnObserversDoesNot()
    {
        var ticket = InStatus(TicketStatus.Pending);

        ticket.AddFollowUp(Observer, "Yo tampoco puedo imprimir", false, TicketSource.Portal, Start.AddHours(3));
        Assert.Equal(TicketStatus.Pending, ticket.Status);

        ticket.AddFollowUp(Requester, "Ya envié los datos", false, TicketSource.Email, Start.AddHours(4));
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Null(ticket.PendingReason);
    }

    [Fact]
    public void FollowUp_OnSolved_IsOnlyAMessage_NeverARejection()
    {
        var ticket = InStatus(TicketStatus.Solved);

        ticket.AddFollowUp(Requester, "Gracias", false, TicketSource.Email, Start.AddHours(5));

        Assert.Equal(TicketStatus.Solved, ticket.Status);
        Assert.Equal(SolutionOutcome.Proposed, ticket.Solutions.Single().Outcome);
    }

    [Fact]
    public void Approve_OnlyByTheRequester_ClosesAndRaisesApprovedAndClosed()
    {
        var ticket = InStatus(TicketStatus.Solved);

        Assert.Equal("tickets.only_requester_decides", Assert.Throws<DomainException>(() => ticket.Approve(Observer, null, Start)).Code);
        Assert.Equal("tickets.only_requester_decides", Assert.Throws<DomainException>(() => ticket.Approve(Desk, null, Start)).Code);
        ticket.Approve(Requester, "Gracias", Start.AddDays(1));

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.Equal(Start.AddDays(1), ticket.ClosedAt);
        Assert.False(ticket.ClosedAutomatically);
        Assert.Equal(SolutionOutcome.Approved, ticket.Solutions.Single().Outcome);
        var events = ticket.DequeueDomainEvents();
        Assert.Equal("Gracias", Assert.IsType<TicketApproved>(events[0]).Comment);
        Assert.False(Assert.IsType<TicketClosed>(events[1]).Automatic);
    }

    [Fact]
    public void Reject_NeedsAReason_AndReturnsToInProgress()
    {
        var ticket = InStatus(TicketStatus.Solved);

        Assert.Equal("tickets.reject_reason_required", Assert.Throws<DomainException>(() => ticket.Reject(Requester, "  ", Start)).Code);
        Assert.Equal("tickets.only_requester_decides", Assert.Throws<DomainException>(() => ticket.Reject(Observer, "No", Start)).Code);
        ticket.Reject(Requester, "Sigue fallando", Start.AddDays(1));

        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Null(ticket.SolvedAt);
        Assert.Equal(SolutionOutcome.Rejected, ticket.Solutions.Single().Outcome);
        Assert.Equal("Sigue fallando", Assert.IsType<TicketRejected>(Assert.Single(ticket.DequeueDomainEvents())).Reason);
    }

    [Fact]
    public void CloseAutomatically_OnlyAfterTheDelay_RecordsIt()
    {
        var ticket = InStatus(TicketStatus.Solved);
        var solvedAt = ticket.SolvedAt!.Value;

        var early = Assert.Throws<DomainException>(() => ticket.CloseAutomatically(solvedAt.AddDays(4), TimeSpan.FromDays(5)));
        Assert.Equal("tickets.not_due_for_auto_close", early.Code);

        ticket.CloseAutomatically(solvedAt.AddDays(5), TimeSpan.FromDays(5));

        Assert.Equal(TicketStatus.Closed, ticket.Status);
        Assert.True(ticket.ClosedAutomatically);
        var closed = Assert.IsType<TicketClosed>(Assert.Single(ticket.DequeueDomainEvents()));
        Assert.True(closed.Automatic);
        Assert.Null(closed.ActorId);
    }

    [Fact]
    public void Events_AreRaisedForEveryNotableChange()
    {
        var ticket = Open();
        ticket.DequeueDomainEvents();

        ticket.Assign(Desk, Desk.UserId, Start);
        ticket.Reassign(Desk, OtherTechnician, Start);
        ticket.Unassign(Desk, Start);
        ticket.AddFollowUp(Desk, "Hola", false, TicketSource.Portal, Start);
        ticket.PutPending(Desk, "Esperando", Start);
        ticket.AddObserver(Requester, NewObserver, Start);
        ticket.RemoveObserver(Requester, NewObserver, Start);
        ticket.Solve(Desk, "Hecho", Start);

        var events = ticket.DequeueDomainEvents();
        Assert.Equal(
            [typeof(TicketAssigned), typeof(TicketAssigned), typeof(TicketUnassigned), typeof(TicketFollowUpAdded), typeof(TicketPutPending),
             typeof(TicketObserverAdded), typeof(TicketObserverRemoved), typeof(TicketSolved)],
            events.Select(e => e.GetType()));
        Assert.Empty(ticket.DequeueDomainEvents());

        // Each event is a snapshot of the ticket at that moment, not the live aggregate.
        var snapshots = events.Cast<TicketEvent>().Select(e => e.Ticket).ToList();
        Assert.Equal([Desk.UserId, OtherTechnician, null, null, null, null, null, null], snapshots.Select(t => t.AssignedTechnicianId));
        Assert.Equal(
            [TicketStatus.InProgress, TicketStatus.InProgress, TicketStatus.InProgress, TicketStatus.InProgress, TicketStatus.Pending,
             TicketStatus.Pending, TicketStatus.Pending, TicketStatus.Solved],
            snapshots.Select(t => t.Status));
        Assert.Contains(NewObserver, snapshots[5].ObserverIds);
        Assert.DoesNotContain(NewObserver, snapshots[6].ObserverIds);
        Assert.All(snapshots, t => Assert.Equal((ticket.Id, ticket.Title, ticket.RequesterId), (t.TicketId, t.Title, t.RequesterId)));
        var followUp = Assert.IsType<TicketFollowUpAdded>(events[3]);
        Assert.Equal(("Hola", false), (followUp.Content, followUp.IsPrivate));
    }

    [Fact]
    public void Open_RaisesCreatedWithTheObserversNamedOnIt_AndOneObserverAddedEach()
    {
        var ticket = Open();

        var events = ticket.DequeueDomainEvents();
        var created = Assert.IsType<TicketCreated>(events[0]);
        Assert.Equal([Observer.UserId], created.Ticket.ObserverIds);
        Assert.Equal((TicketStatus.New, TicketSource.Portal, Urgency.Medium), (created.Ticket.Status, created.Ticket.Source, created.Ticket.Urgency));
        Assert.Equal(Observer.UserId, Assert.IsType<TicketObserverAdded>(Assert.Single(events.Skip(1))).ObserverId);
    }

    [Fact]
    public void Reassign_ToTheSameTechnician_IsAConflict()
    {
        var ticket = InStatus(TicketStatus.InProgress);

        var error = Assert.Throws<DomainException>(() => ticket.Reassign(Desk, Desk.UserId, Start));

        Assert.Equal("tickets.already_assigned", error.Code);
    }

    [Fact]
    public void Observers_RequesterCannotObserve_DuplicatesRefused_RemovalIsKept()
    {
        var ticket = Open();

        Assert.Equal("tickets.observer_is_requester", Assert.Throws<DomainException>(() => ticket.AddObserver(Desk, Requester.UserId, Start)).Code);
        Assert.Equal("tickets.already_observer", Assert.Throws<DomainException>(() => ticket.AddObserver(Desk, Observer.UserId, Start)).Code);
        ticket.RemoveObserver(Requester, Observer.UserId, Start);
        ticket.AddObserver(Requester, Observer.UserId, Start);

        Assert.Equal(2, ticket.Observers.Count);
        Assert.Single(ticket.ActiveObserverIds);
        Assert.False(ticket.IsVisibleTo(Stranger));
        Assert.True(ticket.IsVisibleTo(Observer));
    }

    [Fact]
    public void PrivateFollowUp_ByARequester_IsForbidden()
    {
        var ticket = Open();

        var error = Assert.Throws<DomainException>(() => ticket.AddFollowUp(Requester, "Secreto", true, TicketSource.Portal, Start));

        Assert.Equal("tickets.private_followup_desk_only", error.Code);
        Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
    }

    [Fact]
    public void LinkAttachment_ReferencesTheStoredFileBySha256_OnTheTicketOrAFollowUp()
    {
        var ticket = Open();
        var followUp = ticket.AddFollowUp(Requester, "Adjunto la foto", false, TicketSource.Portal, Start);
        var sha = new string('a', 64);

        var onTicket = ticket.LinkAttachment(Requester, null, sha, "error.png", "image/png", 1234, Start);
        var onFollowUp = ticket.LinkAttachment(Requester, followUp.Id, sha, "error2.png", "image/png", 1234, Start);

        Assert.Null(onTicket.FollowUpId);
        Assert.Equal(followUp.Id, onFollowUp.FollowUpId);
        Assert.Equal("tickets.attachment_hash_invalid", Assert.Throws<DomainException>(() => ticket.LinkAttachment(Requester, null, "xyz", "a.txt", "text/plain", 1, Start)).Code);
        Assert.Equal(DomainErrorKind.Forbidden, Assert.Throws<DomainException>(() => ticket.LinkAttachment(Stranger, null, sha, "a.txt", "text/plain", 1, Start)).Kind);
    }

    [Fact]
    public void EveryChange_IncrementsTheVersion()
    {
        var ticket = Open();

        ticket.Assign(Desk, Desk.UserId, Start);
        ticket.AddFollowUp(Requester, "Hola", false, TicketSource.Portal, Start);
        ticket.SetCategory(Desk, 2, Start);

        Assert.Equal(4, ticket.Version);
    }
}
