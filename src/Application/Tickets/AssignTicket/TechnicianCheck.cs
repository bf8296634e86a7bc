using Mediator;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Users;

namespace MesaServicios.Application.Tickets.AssignTicket;

internal static class TechnicianCheck
{
    /// <summary>The assignee must be an active technician or administrator (field error otherwise).</summary>
    public static async Task EnsureAssignableAsync(ISender sender, Guid technicianId, CancellationToken cancellationToken)
    {
        var user = (await sender.Send(new GetUserSnapshotsQuery([technicianId]), cancellationToken)).FirstOrDefault();
        if (user is not { IsActive: true } || user.Role < UserRole.Technician)
        {
            throw TicketOpening.FieldError("technicianId", "tickets.technician_invalid");
        }
    }
}
