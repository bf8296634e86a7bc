using MesaServicios.Domain.Common;
using MesaServicios.Domain.Reservations;
using MesaServicios.Domain.Reservations.Events;

namespace MesaServicios.Domain.Tests.Reservations;

/// <summary>The whole lifecycle table: every status × every action, by every kind of actor, at a moment the action is due.</summary>
public sealed class ReservationTransitionTests
{
    private const ReservationStatus R = ReservationStatus.Reserved;
    private const ReservationStatus O = ReservationStatus.CheckedOut;
    private const ReservationStatus D = ReservationStatus.Returned;
    private const ReservationStatus C = ReservationStatus.Cancelled;
    private const ReservationStatus N = ReservationStatus.NoShow;
    private const ReservationStatus L = ReservationStatus.Overdue;

    /// <summary>For each action: the status it leads to from each status where it is legal (absent = illegal).</summary>
    private static readonly Dictionary<ReservationAction, Dictionary<ReservationStatus, ReservationStatus>> Table = new()
    {
        [ReservationAction.CheckOut] = new() { [R] = O },
        [ReservationAction.CheckIn] = new() { [O] = D, [L] = D },
        [ReservationAction.Cancel] = new() { [R] = C },
        [ReservationAction.MarkNoShow] = new() { [R] = N },
        [ReservationAction.MarkOverdue] = new() { [O] = L },
    };

    /// <summary>Who may attempt each action at all.</summary>
    private static readonly Dictionary<ReservationAction, string[]> Who = new()
    {
        [ReservationAction.CheckOut] = ["desk"],
        [ReservationAction.CheckIn] = ["desk"],
        [ReservationAction.Cancel] = ["holder", "desk"],
        [ReservationAction.MarkNoShow] = ["system"],
        [ReservationAction.MarkOverdue] = ["system"],
    };

    private static readonly string[] ActorNames = ["holder", "stranger", "desk", "system"];

    public static TheoryData<ReservationStatus, ReservationAction> EveryStatusAndAction()
    {
        var data = new TheoryData<ReservationStatus, ReservationAction>();
        foreach (var status in Enum.GetValues<ReservationStatus>())
        {
            foreach (var action in Enum.GetValues<ReservationAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Fact]
    public void TheDeclaredTable_IsExactlyTheTableTested()
    {
        var declared = Reservation.Transitions.OrderBy(t => t.Key.From).ThenBy(t => t.Key.Action).Select(t => (t.Key.From, t.Key.Action, t.Value)).ToList();
        var expected = Table.SelectMany(a => a.Value.Select(s => (From: s.Key, Action: a.Key, To: s.Value))).OrderBy(t => t.From).ThenBy(t => t.Action).ToList();
        Assert.Equal(expected, declared);
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void EveryStatusAndAction_ByTheEntitledActor_MovesAsTheTableSays(ReservationStatus status, ReservationAction action)
    {
        var (reservation, item, now) = ReservationBuilder.In(status, action);
        var actor = ReservationBuilder.Actor(Who[action][0]);
        var legal = Table[action].TryGetValue(status, out var expected);
        var versionBefore = reservation.Version;
        reservation.DequeueDomainEvents();

        var act = () => ReservationBuilder.Do(reservation, item, action, actor, now);

        if (legal)
        {
            act();
            Assert.Equal(expected, reservation.Status);
            Assert.Equal(versionBefore + 1, reservation.Version);
            Assert.Single(reservation.DomainEvents);
        }
        else
        {
            var error = Assert.Throws<DomainException>(act);
            Assert.Equal("reservations.invalid_transition", error.Code);
            Assert.Equal(DomainErrorKind.Conflict, error.Kind);
            Assert.Equal(status, reservation.Status);
            Assert.Equal(versionBefore, reservation.Version);
            Assert.Empty(reservation.DomainEvents);
        }
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void EveryStatusAndAction_ByAnyoneElse_IsForbiddenAndChangesNothing(ReservationStatus status, ReservationAction action)
    {
        foreach (var name in ActorNames.Except(Who[action]))
        {
            var (reservation, item, now) = ReservationBuilder.In(status, action);
            var version = reservation.Version;
            var error = Assert.Throws<DomainException>(() => ReservationBuilder.Do(reservation, item, action, ReservationBuilder.Actor(name), now));
            Assert.Equal(DomainErrorKind.Forbidden, error.Kind);
            Assert.Equal(status, reservation.Status);
            Assert.Equal(version, reservation.Version);
        }
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndAction))]
    public void AllowedActions_ListExactlyTheLegalOnesForTheActor(ReservationStatus status, ReservationAction action)
    {
        var (reservation, _, _) = ReservationBuilder.In(status, action);
        foreach (var name in ActorNames)
        {
            var allowed = reservation.AllowedActions(ReservationBuilder.Actor(name)).Contains(action);
            Assert.Equal(Table[action].ContainsKey(status) && Who[action].Contains(name), allowed);
        }
    }

    [Fact]
    public void ActiveStatuses_AreThoseThatHoldTheWindow()
    {
        Assert.Equal([R, O, L], Reservation.ActiveStatuses);
        Assert.Equal([O, L], Reservation.HeldStatuses);
    }

    [Fact]
    public void Events_AreSnapshots_NotTheLiveAggregate()
    {
        var (reservation, item, now) = ReservationBuilder.In(R, ReservationAction.CheckOut);
        reservation.DequeueDomainEvents();
        reservation.CheckOut(ReservationBuilder.Actor("desk")!, item, false, now, TimeSpan.FromMinutes(30));
        var checkedOut = Assert.IsType<ReservationCheckedOut>(Assert.Single(reservation.DequeueDomainEvents()));
        reservation.CheckIn(ReservationBuilder.Actor("desk")!, item, ReturnCondition.Good, null, now.AddMinutes(5));
        Assert.Equal(O, checkedOut.Reservation.Status);
    }
}
