using System.Linq.Expressions;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Tickets;

/// <summary>A ticket in a list (my tickets, the queue, search results).</summary>
public sealed record TicketListItem(
    int Id,
    string Title,
    TicketStatus Status,
    TicketType Type,
    Urgency Urgency,
    Impact Impact,
    Priority Priority,
    TicketSource Source,
    Guid RequesterId,
    string RequesterName,
    string? RequesterDepartment,
    int? CategoryId,
    Guid? AssignedTechnicianId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? OwnDueAt = null,
    DateTimeOffset? ResolveDueAt = null,
    ServiceLevelState SlaState = ServiceLevelState.None,
    TicketEquipment? Equipment = null)
{
    /// <summary>How people name it: <c>#N</c>.</summary>
    public string Number => $"#{Id}";

    /// <summary>GLPI's numeric status code.</summary>
    public int StatusCode => (int)Status;

    /// <summary>Projection translated to SQL: list queries never load entities.</summary>
    public static readonly Expression<Func<Ticket, TicketListItem>> Projection = t => new TicketListItem(
        t.Id, t.Title, t.Status, t.Type, t.Urgency, t.Impact, t.Priority, t.Source, t.RequesterId, t.RequesterName,
        t.RequesterDepartment, t.CategoryId, t.AssignedTechnicianId, t.CreatedAt, t.UpdatedAt, t.SolvedAt, t.ClosedAt,
        null, null, ServiceLevelState.None, t.Equipment);

    /// <summary>
    /// As <see cref="Projection"/>, with the due dates and the service-level state at <paramref name="now"/>
    /// (computed in SQL, the same rules as <see cref="ServiceLevelClock.StateAt"/>).
    /// </summary>
    public static Expression<Func<Ticket, TicketListItem>> ProjectionAt(DateTimeOffset now) => t => new TicketListItem(
        t.Id, t.Title, t.Status, t.Type, t.Urgency, t.Impact, t.Priority, t.Source, t.RequesterId, t.RequesterName,
        t.RequesterDepartment, t.CategoryId, t.AssignedTechnicianId, t.CreatedAt, t.UpdatedAt, t.SolvedAt, t.ClosedAt,
        t.ServiceLevel.OwnTargetMinutes > 0 ? t.ServiceLevel.OwnDueAt : null,
        t.ServiceLevel.OwnTargetMinutes > 0 ? t.ServiceLevel.ResolveDueAt : null,
        t.ServiceLevel.OwnTargetMinutes == 0 ? ServiceLevelState.None
            : (t.FirstResponseAt != null ? t.FirstResponseAt.Value > t.ServiceLevel.OwnDueAt : now > t.ServiceLevel.OwnDueAt)
                || (t.ServiceLevel.PausedSince != null ? t.ServiceLevel.PausedSince.Value > t.ServiceLevel.ResolveDueAt : now > t.ServiceLevel.ResolveDueAt)
                ? ServiceLevelState.Breached
            : t.Status == TicketStatus.Solved || t.Status == TicketStatus.Closed ? ServiceLevelState.Met
            : (t.FirstResponseAt == null && now >= t.ServiceLevel.OwnWarnAt)
                || (t.ServiceLevel.PausedSince != null ? t.ServiceLevel.PausedSince.Value >= t.ServiceLevel.ResolveWarnAt : now >= t.ServiceLevel.ResolveWarnAt)
                ? ServiceLevelState.AtRisk
            : ServiceLevelState.OnTrack,
        t.Equipment);
}

/// <summary>Page and size shared by every ticket list.</summary>
internal static class TicketPaging
{
    public static int Skip(int page, int pageSize) => (Math.Max(page, 1) - 1) * pageSize;
}
