using MesaServicios.Application.Common.Reference;
using MesaServicios.Domain.Reservations;

namespace MesaServicios.Application.Reservations.Reference;

/// <summary>
/// The Reservations module's reference sets: the states of a reservation ("en su poder" is CheckedOut) and of an
/// item of equipment. Material types, an administrator-managed list, come from <see cref="MaterialTypeReferenceData"/>.
/// </summary>
internal sealed class ReservationReferenceData : IReferenceDataContributor
{
    public IEnumerable<ReferenceSet> Sets() =>
    [
        new("reservationStates",
        [
            ReferenceItems.Of(ReservationStatus.Reserved, "Reservada", "Reserved", "El equipo está apartado para la franja pedida; aún no se ha entregado.", "The item is booked for the requested window; not yet handed over."),
            ReferenceItems.Of(ReservationStatus.CheckedOut, "En su poder", "Checked out", "La Oficina TIC entregó el equipo y la persona lo tiene hasta devolverlo.", "The ICT office handed the item over and the person holds it until it is returned."),
            ReferenceItems.Of(ReservationStatus.Returned, "Devuelta", "Returned", "El equipo fue devuelto y revisado.", "The item was returned and checked."),
            ReferenceItems.Of(ReservationStatus.Cancelled, "Cancelada", "Cancelled", "La reserva se anuló antes de empezar.", "The reservation was cancelled before it started."),
            ReferenceItems.Of(ReservationStatus.NoShow, "No recogida", "No-show", "Nadie recogió el equipo dentro del tiempo de gracia.", "Nobody picked the item up within the grace period."),
            ReferenceItems.Of(ReservationStatus.Overdue, "Vencida", "Overdue", "La franja terminó y el equipo aún no se ha devuelto.", "The window ended and the item has not been returned yet."),
        ]),
        new("equipmentStates",
        [
            ReferenceItems.Of(EquipmentState.Available, "Disponible", "Available"),
            ReferenceItems.Of(EquipmentState.InMaintenance, "En mantenimiento", "In maintenance"),
            ReferenceItems.Of(EquipmentState.Retired, "Dado de baja", "Retired"),
        ]),
    ];
}
