using MesaServicios.Domain.ServiceLevels;
using MesaServicios.Domain.Tickets;
using static MesaServicios.Domain.Tests.Tickets.TicketBuilder;

namespace MesaServicios.Domain.Tests.Tickets;

/// <summary>
/// The business times a ticket stores for the reports (time to own, time to resolve), taken when it is owned and
/// solved. The ticket opens on Monday 2 March 2026, 08:00 in Bogotá; default calendar Mon–Fri 07:00–17:00.
/// </summary>
public sealed class StoredBusinessTimesTests
{
    private static readonly TimeSpan Bogota = TimeSpan.FromHours(-5);
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Default;

    private static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Bogota);

    private static Ticket Started()
    {
        var ticket = Open();
        ticket.StartServiceLevel(new ServiceLevelTerms(600, 1_200, 75, 600), Calendar);
        ticket.DequeueDomainEvents();
        return ticket;
    }

    private static void After(Ticket ticket, DateTimeOffset now)
    {
        ticket.MeasureBusinessTimes(Calendar);
        ticket.SyncServiceLevel(Calendar, 600, TimeSpan.FromDays(5), now);
    }

    [Fact]
    public void NewTicket_HasNoStoredTimes()
    {
        var ticket = Started();
        After(ticket, Local(3, 2, 8, 30));

        Assert.Null(ticket.OwnBusinessMinutes);
        Assert.Null(ticket.ResolveBusinessMinutes);
    }

    [Fact]
    public void OwnedThenSolved_StoresBusinessMinutes_OvernightNotCounted()
    {
        var ticket = Started();
        ticket.Assign(Desk, Desk.UserId, Local(3, 2, 9, 30));
        After(ticket, Local(3, 2, 9, 30));
        Assert.Equal(90, ticket.OwnBusinessMinutes!.Value, 6);
        Assert.Null(ticket.ResolveBusinessMinutes);

        // Solved Tuesday 10:00: 08:00 → 17:00 (540) + 07:00 → 10:00 (180).
        ticket.Solve(Desk, "Se cambió el rodillo", Local(3, 3, 10, 0));
        After(ticket, Local(3, 3, 10, 0));
        Assert.Equal(90, ticket.OwnBusinessMinutes!.Value, 6);
        Assert.Equal(720, ticket.ResolveBusinessMinutes!.Value, 6);
    }

    [Fact]
    public void PendingTime_IsNotPartOfTheTimeToResolve()
    {
        var ticket = Started();
        ticket.Assign(Desk, Desk.UserId, Local(3, 2, 9, 0));
        After(ticket, Local(3, 2, 9, 0));
        ticket.PutPending(Desk, "Esperando al proveedor", Local(3, 2, 10, 0));
        After(ticket, Local(3, 2, 10, 0));
        ticket.AddFollowUp(Requester, "Ya llegó el repuesto.", false, TicketSource.Portal, Local(3, 3, 10, 0));
        After(ticket, Local(3, 3, 10, 0));

        // Solved Tuesday 11:00: 780 business minutes since the opening, 600 of them Pending.
        ticket.Solve(Desk, "Se cambió el rodillo", Local(3, 3, 11, 0));
        After(ticket, Local(3, 3, 11, 0));

        Assert.Equal(60, ticket.OwnBusinessMinutes!.Value, 6);
        Assert.Equal(180, ticket.ResolveBusinessMinutes!.Value, 6);
    }

    [Fact]
    public void RejectedSolution_ClearsTheTimeToResolve_AndTheNextSolutionIsMeasuredAgain()
    {
        var ticket = Started();
        ticket.Assign(Desk, Desk.UserId, Local(3, 2, 9, 0));
        After(ticket, Local(3, 2, 9, 0));
        ticket.Solve(Desk, "Se cambió el rodillo", Local(3, 2, 12, 0));
        After(ticket, Local(3, 2, 12, 0));
        Assert.Equal(240, ticket.ResolveBusinessMinutes!.Value, 6);

        ticket.Reject(Requester, "Sigue sin imprimir", Local(3, 2, 14, 0));
        Assert.Null(ticket.ResolveBusinessMinutes);
        After(ticket, Local(3, 2, 14, 0));
        Assert.Null(ticket.ResolveBusinessMinutes);

        // Solved again at 16:00: 480 business minutes since the opening, less the 120 spent solved (12:00 → 14:00).
        ticket.Solve(Desk, "Se cambió el cabezal", Local(3, 2, 16, 0));
        After(ticket, Local(3, 2, 16, 0));
        Assert.Equal(360, ticket.ResolveBusinessMinutes!.Value, 6);
        Assert.Equal(60, ticket.OwnBusinessMinutes!.Value, 6);
    }

    [Fact]
    public void TicketWithoutClock_StillStoresItsTimes()
    {
        var ticket = Open();
        ticket.Assign(Desk, Desk.UserId, Local(3, 2, 8, 15));
        ticket.Solve(Desk, "Listo", Local(3, 2, 9, 0));
        ticket.MeasureBusinessTimes(Calendar);

        Assert.False(ticket.ServiceLevel.IsRunning);
        Assert.Equal(15, ticket.OwnBusinessMinutes!.Value, 6);
        Assert.Equal(60, ticket.ResolveBusinessMinutes!.Value, 6);
    }
}
