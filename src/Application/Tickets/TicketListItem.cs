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
    TicketEquipment? Equipment = null)
{
    /// <summary>How people name it: <c>#N</c>.</summary>
    public string Number => $"#{Id}";

    /// <summary>GLPI's numeric status code.</summary>
    public int StatusCode => (int)Status;

    /// <summary>Projection translated to SQL: list queries never load entities.</summary>
    public static readonly Expression<Func<Ticket, TicketListItem>> Projection = t => new TicketListItem(
        t.Id, t.Title, t.Status, t.Type, t.Urgency, t.Impact, t.Priority, t.Source, t.RequesterId, t.RequesterName,
        t.RequesterDepartment, t.CategoryId, t.AssignedTechnicianId, t.CreatedAt, t.UpdatedAt, t.SolvedAt, t.ClosedAt, t.Equipment);
}

/// <summary>Page and size shared by every ticket list.</summary>
internal static class TicketPaging
{
    public static int Skip(int page, int pageSize) => (Math.Max(page, 1) - 1) * pageSize;
}
