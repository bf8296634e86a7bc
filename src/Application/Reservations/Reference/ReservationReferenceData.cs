using MesaServicios.Application.Common.Reference;
using MesaServicios.Domain.Reservations;

namespace MesaServicios.Application.Reservations.Reference;

/// <summary>
/// The Reservations module's reference sets: the states of a reservation ("en su poder" is CheckedOut) and of an
/// item of equipment. Material types are an administrator-managed list: <c>GET /api/v1/material-types</c>.
/// </summary>
internal sealed class ReservationReferenceData : IReferenceDataContributor
{
    public IEnumerable<ReferenceSet> Sets() =>
    [
        new("reservationStates",
        [
            Item(ReservationStatus.Reserved, "Reservada", "Reserved", "El equipo está apartado para la franja pedida; aún no se ha entregado.", "The item is booked for the requested window; not yet handed over."),
            Item(ReservationStatus.CheckedOut, "En su poder", "Checked out", "La Oficina TIC entregó el equipo y la persona lo tiene hasta devolverlo.", "The ICT office handed the item over and the person holds it until it is returned."),
            Item(ReservationStatus.Returned, "Devuelta", "Returned", "El equipo fue devuelto y revisado.", "The item was returned and checked."),
            Item(ReservationStatus.Cancelled, "Cancelada", "Cancelled", "La reserva se anuló antes de empezar.", "The reservation was cancelled before it started."),
            Item(ReservationStatus.NoShow, "No recogida", "No-show", "Nadie recogió el equipo dentro del tiempo de gracia.", "Nobody picked the item up within the grace period."),
            Item(ReservationStatus.Overdue, "Vencida", "Overdue", "La franja terminó y el equipo aún no se ha devuelto.", "The window ended and the item has not been returned yet."),
        ]),
        new("equipmentStates",
        [
            Item(EquipmentState.Available, "Disponible", "Available"),
            Item(EquipmentState.InMaintenance, "En mantenimiento", "In maintenance"),
            Item(EquipmentState.Retired, "Dado de baja", "Retired"),
        ]),
    ];

    private static ReferenceItem Item<T>(T value, string es, string en, string? definitionEs = null, string? definitionEn = null)
        where T : struct, Enum =>
        new(value.ToString(), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), new LocalizedText(es, en),
            definitionEs is null ? null : new LocalizedText(definitionEs, definitionEn!));
}
