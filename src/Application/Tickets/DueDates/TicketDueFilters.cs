using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.DueDates;

/// <summary>
/// The desk's due-date filters and sort. A ticket is overdue when it is open and missed a running target: not owned
/// after its time to own, or past its time to resolve while the resolve clock runs. "Due within N hours": such a
/// target falls within the next N hours. The due date a ticket sorts by is its time to resolve.
/// </summary>
internal static class TicketDueFilters
{
    public static IQueryable<Ticket> Apply(IQueryable<Ticket> tickets, bool? overdue, int? dueWithinHours, DateTimeOffset now)
    {
        var open = tickets;
        if (overdue is not null || dueWithinHours is not null)
        {
            open = tickets.Where(t => t.ServiceLevel.OwnTargetMinutes > 0
                && (t.Status == TicketStatus.New || t.Status == TicketStatus.InProgress || t.Status == TicketStatus.Pending));
        }

        if (overdue is true)
        {
            open = open.Where(t => (t.FirstResponseAt == null && t.ServiceLevel.OwnDueAt <= now)
                || (t.ServiceLevel.PausedSince == null && t.ServiceLevel.ResolveDueAt <= now));
        }
        else if (overdue is false)
        {
            open = open.Where(t => !((t.FirstResponseAt == null && t.ServiceLevel.OwnDueAt <= now)
                || (t.ServiceLevel.PausedSince == null && t.ServiceLevel.ResolveDueAt <= now)));
        }

        if (dueWithinHours is { } hours)
        {
            var until = now.AddHours(hours);
            open = open.Where(t => (t.FirstResponseAt == null && t.ServiceLevel.OwnDueAt > now && t.ServiceLevel.OwnDueAt <= until)
                || (t.ServiceLevel.PausedSince == null && t.ServiceLevel.ResolveDueAt > now && t.ServiceLevel.ResolveDueAt <= until));
        }

        return open;
    }

    public static IOrderedQueryable<Ticket> ByDueDate(IQueryable<Ticket> tickets, bool descending) =>
        descending
            ? tickets.OrderBy(t => t.ServiceLevel.OwnTargetMinutes == 0).ThenByDescending(t => t.ServiceLevel.ResolveDueAt)
            : tickets.OrderBy(t => t.ServiceLevel.OwnTargetMinutes == 0).ThenBy(t => t.ServiceLevel.ResolveDueAt);
}
