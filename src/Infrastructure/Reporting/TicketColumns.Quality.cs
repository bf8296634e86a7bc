using MesaServicios.Application.Reporting;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Infrastructure.Reporting;

/// <summary>
/// The quality reports' part of the columns: every proposed solution (ticket, author, instant, outcome) and every
/// reopening (ticket, instant, sequence, status left), replaced with their ticket whenever the ticket is read again —
/// a solution is proposed or decided, and a ticket reopened, only together with a change of the ticket's own row
/// (the aggregate changes its status and version in the same save), which the change log names. Answers follow the
/// SQL of <see cref="QualityReportingStore"/> exactly.
/// </summary>
internal sealed partial class TicketColumns
{
    private const byte RejectedOutcome = (byte)SolutionOutcome.Rejected;

    public TicketEvents Solutions { get; } = new();

    public TicketEvents Reopenings { get; } = new();

    public void AddSolution(int ticketId, string author, long createdAt, int outcome) =>
        Solutions.Add(ticketId, createdAt, Key(author, technicians, technicianKeys), (byte)outcome);

    public void AddReopening(int ticketId, long occurredAt, int sequence, int fromStatus) =>
        Reopenings.Add(ticketId, occurredAt, sequence, (byte)fromStatus);

    /// <summary>Forgets a ticket's solutions and reopenings (before reading them again, or when the ticket is gone).</summary>
    public void ForgetEvents(int ticketId)
    {
        Solutions.RemoveTicket(ticketId);
        Reopenings.RemoveTicket(ticketId);
    }

    /// <summary>Solutions proposed in the period per author (the upper-case id as stored): proposed and rejected.</summary>
    public IReadOnlyList<(string Author, int Proposed, int Rejected)> SolutionTallies(TicketSlice slice)
    {
        var author = AuthorKey(slice);
        var filter = Filter.Of(slice with { TechnicianId = null }, this);
        var ticketFiltered = TicketFiltered(slice);
        var start = slice.Start.UtcTicks;
        var end = slice.End.UtcTicks;
        var proposed = new int[technicians.Count];
        var rejected = new int[technicians.Count];
        var events = Solutions;
        for (var row = 0; row < events.Length; row++)
        {
            var id = events.Ticket(row);
            var at = events.At(row);
            if (id == 0 || at < start || at >= end || (author != -1 && events.Who(row) != author)
                || (ticketFiltered && (!Holds(id) || !filter.Matches(this, id))))
            {
                continue;
            }

            proposed[events.Who(row)]++;
            if (events.Kind(row) == RejectedOutcome)
            {
                rejected[events.Who(row)]++;
            }
        }

        var tallies = new List<(string, int, int)>();
        for (var key = 1; key < proposed.Length; key++)
        {
            if (proposed[key] > 0)
            {
                tallies.Add((technicians[key]!, proposed[key], rejected[key]));
            }
        }

        return tallies;
    }

    /// <summary>The rejected solutions proposed in the period, most recently proposed first (then the higher ticket), one page.</summary>
    public IReadOnlyList<(int TicketId, long ProposedAt)> RejectedPage(TicketSlice slice, int skip, int? take)
    {
        var author = AuthorKey(slice);
        var filter = Filter.Of(slice with { TechnicianId = null }, this);
        var start = slice.Start.UtcTicks;
        var end = slice.End.UtcTicks;
        var events = Solutions;
        var found = new List<(int TicketId, long ProposedAt)>();
        for (var row = 0; row < events.Length; row++)
        {
            var id = events.Ticket(row);
            var at = events.At(row);
            if (id == 0 || events.Kind(row) != RejectedOutcome || at < start || at >= end || (author != -1 && events.Who(row) != author)
                || !Holds(id) || !filter.Matches(this, id))
            {
                continue;
            }

            found.Add((id, at));
        }

        found.Sort((a, b) => a.ProposedAt != b.ProposedAt ? b.ProposedAt.CompareTo(a.ProposedAt) : b.TicketId.CompareTo(a.TicketId));
        return Page(found, skip, take);
    }

    /// <summary>The period's reopenings by the ticket's technician key (the stored id, null = unassigned) and category (null = none).</summary>
    public (IReadOnlyList<(string? Technician, int Tickets, int Reopenings)> ByTechnician, IReadOnlyList<(int? Category, int Tickets, int Reopenings)> ByCategory) ReopeningTallies(TicketSlice slice)
    {
        var filter = Filter.Of(slice, this);
        var start = slice.Start.UtcTicks;
        var end = slice.End.UtcTicks;
        var byTechnician = new Dictionary<int, (int Tickets, int Reopenings)>();
        var byCategory = new Dictionary<int, (int Tickets, int Reopenings)>();
        var seen = new HashSet<int>();
        var events = Reopenings;
        for (var row = 0; row < events.Length; row++)
        {
            var id = events.Ticket(row);
            var at = events.At(row);
            if (id == 0 || at < start || at >= end || !Holds(id) || !filter.Matches(this, id))
            {
                continue;
            }

            var first = seen.Add(id) ? 1 : 0;
            var t = byTechnician.GetValueOrDefault(technician[id]);
            byTechnician[technician[id]] = (t.Tickets + first, t.Reopenings + 1);
            var c = byCategory.GetValueOrDefault(category[id]);
            byCategory[category[id]] = (c.Tickets + first, c.Reopenings + 1);
        }

        return (
            byTechnician.Select(g => (technicians[g.Key], g.Value.Tickets, g.Value.Reopenings)).ToList(),
            byCategory.Select(g => (g.Key < 0 ? (int?)null : g.Key, g.Value.Tickets, g.Value.Reopenings)).ToList());
    }

    /// <summary>The period's reopenings oldest first (then ticket, then the row's sequence), one page.</summary>
    public IReadOnlyList<(int TicketId, long At, int Sequence)> ReopeningPage(TicketSlice slice, int skip, int? take)
    {
        var filter = Filter.Of(slice, this);
        var start = slice.Start.UtcTicks;
        var end = slice.End.UtcTicks;
        var events = Reopenings;
        var found = new List<(int TicketId, long At, int Sequence)>();
        for (var row = 0; row < events.Length; row++)
        {
            var id = events.Ticket(row);
            var at = events.At(row);
            if (id == 0 || at < start || at >= end || !Holds(id) || !filter.Matches(this, id))
            {
                continue;
            }

            found.Add((id, at, events.Who(row)));
        }

        found.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.TicketId != b.TicketId ? a.TicketId.CompareTo(b.TicketId) : a.Sequence.CompareTo(b.Sequence));
        return Page(found, skip, take);
    }

    private static bool TicketFiltered(TicketSlice slice) =>
        slice.Type is not null || slice.Source is not null || slice.CategoryIds is not null || slice.Department is not null;

    /// <summary>The author filter as a key: -1 none, -2 an author never seen (nothing matches).</summary>
    private int AuthorKey(TicketSlice slice) =>
        slice.TechnicianId is { } id ? technicianKeys.TryGetValue(id.ToString().ToUpperInvariant(), out var key) ? key : -2 : -1;

    private static List<T> Page<T>(List<T> found, int skip, int? take)
    {
        var from = Math.Clamp(skip, 0, found.Count);
        var count = take is { } size ? Math.Min(size, found.Count - from) : found.Count - from;
        return found.GetRange(from, Math.Max(0, count));
    }
}
