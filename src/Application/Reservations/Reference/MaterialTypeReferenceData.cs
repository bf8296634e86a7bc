using System.Globalization;
using MesaServicios.Application.Common.Reference;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Reservations.Reference;

/// <summary>
/// The material types in use (the administrator-managed list, <c>GET /api/v1/material-types</c>), as the reference set
/// <c>materialTypes</c>: code and value are the id the API takes (<c>materialTypeId</c>); the label is the name the
/// institution gave it, in Spanish, and its English name where the administrators gave one (else the Spanish name).
/// Retired types are left out.
/// </summary>
internal sealed class MaterialTypeReferenceData(IReservationsDbContext db) : IAsyncReferenceDataContributor
{
    public async Task<IReadOnlyList<ReferenceSet>> SetsAsync(CancellationToken cancellationToken)
    {
        var types = await db.MaterialTypes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Name, t.EnglishName }).ToListAsync(cancellationToken);
        return
        [
            new ReferenceSet(
                "materialTypes",
                types.Select(t => new ReferenceItem(t.Id.ToString(CultureInfo.InvariantCulture), t.Id, new LocalizedText(t.Name, t.EnglishName ?? t.Name))).ToList()),
        ];
    }
}
