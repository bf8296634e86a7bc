using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets;
using static MesaServicios.Domain.Tests.Tickets.TicketBuilder;

namespace MesaServicios.Domain.Tests.Tickets;

/// <summary>The whole transition table: every status × every action, by the actor entitled to it.</summary>
public sealed class TicketTransitionTests
{
    private const TicketStatus N = TicketStatus.New;
    private const TicketStatus P = TicketStatus.InProgress;
    private const TicketStatus W = TicketStatus.Pending;
    private const TicketStatus S = TicketStatus.Solved;
    private const TicketStatus C = TicketStatus.Closed;

    /// <summary>For each action: the status it leads to from each status where it is legal (absent = illegal).</summary>
    private static readonly Dictionary<TicketAction, Dictionary<TicketStatus, TicketStatus>> Table = new()
    {
        [TicketAction.Assign] = new() { [N] = P },
        [TicketAction.Reassign] = new() { [P] = P, [W] = W },
        [TicketAction.Unassign] = new() { [P] = P, [W] = W },
        [TicketAction.AddPublicFollowUp] = new() { [N] = N, [P] = P, [W] = P, [S] = S },
        [TicketAction.AddPrivateFollowUp] = new() { [N] = N, [P] = P, [W] = W, [S] = S },
        [TicketAction.PutPending] = new() { [P] = W },
        [TicketAction.Solve] = new() { [P] = S, [W] = S },
        [TicketAction.Approve] = new() { [S] = C },
        [TicketAction.Reject] = new() { [S] = P },
        [TicketAction.AddObserver] = new() { [N] = N, [P] = P, [W] = W, [S] = S },
        [TicketAction.RemoveObserver] = new() { [N] = N, [P] = P, [W] = W, [S] = S },
        [TicketAction.SetImpact] = new() { [N] = N, [P] = P, [W] = W },
        [TicketAction.SetCategory] = new() { [N] = N, [P] = P, [W] = W },
        [TicketAction.CloseAutomatically] = new() { [S] = C },
        [TicketAction.SetUrgency] = new() { [N] = N, [P] = P, [W] = W },
    };

    /// <summary>Who may attempt each action at all.</summary>
    private static readonly Dictionary<TicketAction, string[]> Who = new()
    {
        [TicketAction.Assign] = ["desk"],
        [TicketAction.Reassign] = ["desk"],
        [TicketAction.Unassign] = ["desk"],
        [TicketAction.AddPublicFollowUp] = ["requester", "observer", "desk"],
        [TicketAction.AddPrivateFollowUp] = ["desk"],
        [TicketAction.PutPending] = ["desk"],
        [TicketAction.Solve] = ["desk"],
        [TicketAction.Approve] = ["requester"],
        [TicketAction.Reject] = ["requester"],
        [TicketAction.AddObserver] = ["requester", "desk"],
        [TicketAction.RemoveObserver] = ["requester", "desk"],
        [TicketAction.SetImpact] = ["desk"],
        [TicketAction.SetCategory] = ["desk"],
        [TicketAction.CloseAutomatically] = ["system"],
        [TicketAction.SetUrgency] = ["desk"],
    };

    private static readonly string[] ActorNames = ["requester", "observer", "desk", "stranger", "system"];

    public static TheoryData<TicketStatus, TicketAction> EveryStatusAndAction()
    {
        var data = new TheoryData<TicketStatus, TicketAction>();
        foreach (var status in Enum.GetValues<TicketStatus>())
        {
            foreach (var action in Enum.GetValues<TicketAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    public static TheoryData<TicketAction, string> EveryActionAndActor()
    {
        var data = new TheoryData<TicketAction, string>();
        foreach (var action in Enum.GetValues<TicketAction>())
        {
            foreach (var actor in ActorNames)
            {
                data.Add(action, actor);
            }
        }

        return data;
    }

    [Fact]
    public void Table_CoversEveryAction()
    {
        Assert.Equal(Enum.GetValues<TicketAction>().Order(), Table.Keys.Order());
        Assert.Equal(Enum.GetValues<TicketAction>().Order(), Who.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void Action_InEachStatus_FollowsTheTable(TicketStatus status, TicketAction action)
    {
        var ticket = InStatus(status);
        var actor = EntitledActor(action);
        var versionBefore = ticket.Version;

        if (Table[action].TryGetValue(status, out var expected))
        {
            Perform(ticket, action, actor);
            Assert.Equal(expected, ticket.Status);
            Assert.Equal(versionBefore + 1, ticket.Version);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => Perform(ticket, action, actor));
            Assert.Equal(DomainErrorKind.Conflict, error.Kind);
            Assert.Equal(status == TicketStatus.Closed ? "tickets.closed" : "tickets.invalid_transition", error.Code);
            Assert.Equal(status.ToString(), error.Details["currentStatus"]);
            var allowed = Assert.IsType<string[]>(error.Details["allowedActions"]);
            Assert.Equal(ticket.AllowedActions(actor).Select(a => a.ToString()), allowed);
            Assert.DoesNotContain(action.ToString(), allowed);
            Assert.Equal(status, ticket.Status);
            Assert.Equal(versionBefore, ticket.Version);
        }
    }

    [Theory]
    [MemberData(nameof(EveryActionAndActor))]
    public void Action_ByEachKindOfActor_OnlyTheEntitledMayAct(TicketAction action, string actorName)
    {
        var status = Table[action].Keys.First();
        var ticket = InStatus(status);
        var actor = ActorNamed(actorName);

        if (Who[action].Contains(actorName))
        {
            Perform(ticket, action, actor);
        }
        else
        {
            var error = Assert.ThrowsAny<Exception>(() => Perform(ticket, action, actor));
            var domain = Assert.IsType<DomainException>(error);
            Assert.Equal(DomainErrorKind.Forbidden, domain.Kind);
            Assert.Equal(status, ticket.Status);
        }
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void AllowedActions_AgreeWithTheTable(TicketStatus status, TicketAction action)
    {
        var ticket = InStatus(status);
        var actor = EntitledActor(action);

        Assert.Equal(Table[action].ContainsKey(status), ticket.AllowedActions(actor).Contains(action));
    }

    [Fact]
    public void AllowedActions_ForTheRequesterOnASolvedTicket_AreFollowUpDecisionsAndObservers()
    {
        var ticket = InStatus(TicketStatus.Solved);

        Assert.Equal(
            [TicketAction.AddPublicFollowUp, TicketAction.Approve, TicketAction.Reject, TicketAction.AddObserver, TicketAction.RemoveObserver],
            ticket.AllowedActions(Requester));
        Assert.Equal([TicketAction.AddPublicFollowUp], ticket.AllowedActions(Observer));
        Assert.Empty(ticket.AllowedActions(Stranger));
    }

    [Fact]
    public void Closed_IsFinal_NobodyMayDoAnything()
    {
        var ticket = InStatus(TicketStatus.Closed);

        foreach (var actor in new TicketActor?[] { Requester, Observer, Desk, Stranger, null })
        {
            Assert.Empty(ticket.AllowedActions(actor));
        }
    }

    private static TicketActor? EntitledActor(TicketAction action) => ActorNamed(Who[action][0]);

    private static TicketActor? ActorNamed(string name) => name switch
    {
        "requester" => Requester,
        "observer" => Observer,
        "desk" => Desk,
        "stranger" => Stranger,
        _ => null,
    };
}
