using MesaServicios.Domain.Common;

namespace MesaServicios.Domain.Tickets;

/// <summary>A node of the category tree the desk files tickets under (e.g. Hardware › Impresoras).</summary>
public sealed class TicketCategory
{
    private TicketCategory()
    {
        Name = string.Empty;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public int? ParentId { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static TicketCategory Create(string name, int? parentId, DateTimeOffset now) => new()
    {
        Name = Guard.NotBlank(name, "tickets.category_name_required"),
        ParentId = parentId,
        IsActive = true,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void Update(string name, int? parentId, bool isActive, DateTimeOffset now)
    {
        if (parentId == Id && Id != 0)
        {
            throw new DomainException("tickets.category_cycle");
        }

        Name = Guard.NotBlank(name, "tickets.category_name_required");
        ParentId = parentId;
        IsActive = isActive;
        UpdatedAt = now;
    }
}
