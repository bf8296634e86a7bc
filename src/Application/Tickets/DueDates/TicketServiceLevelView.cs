using System.Text.Json.Serialization;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets.DueDates;

/// <summary>
/// A ticket's due dates as clients see them: when it must be owned and resolved, whether the resolve clock is
/// paused, and where it stands (OnTrack, AtRisk, Breached, Met; None for a ticket without due dates).
/// </summary>
public sealed record TicketServiceLevelView(
    ServiceLevelState State,
    DateTimeOffset? OwnDueAt,
    DateTimeOffset? ResolveDueAt,
    DateTimeOffset? OwnedAt,
    bool Paused)
{
    [JsonIgnore]
    internal ServiceLevelClock? Clock { get; init; }

    [JsonIgnore]
    internal bool Finished { get; init; }

    public static TicketServiceLevelView? From(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var clock = ticket.ServiceLevel;
        if (!clock.IsRunning)
        {
            return null;
        }

        return new TicketServiceLevelView(ticket.ServiceLevelStateAt(now), clock.OwnDueAt, clock.ResolveDueAt, ticket.FirstResponseAt, clock.IsPaused)
        {
            Clock = clock,
            Finished = ticket.Status is TicketStatus.Solved or TicketStatus.Closed,
        };
    }

    /// <summary>The same due dates, with the state as it is at <paramref name="now"/>.</summary>
    public TicketServiceLevelView At(DateTimeOffset now) =>
        Clock is null ? this : this with { State = Clock.StateAt(now, OwnedAt, Finished) };
}
