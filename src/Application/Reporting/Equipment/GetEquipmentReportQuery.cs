using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Mediator;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.Reporting;

namespace MesaServicios.Application.Reporting.Equipment;

/// <summary>
/// The equipment loans of a period (local days in the office's zone), of one material type when given:
/// <list type="bullet">
/// <item>most reserved material types: reservations starting in the period (no-shows included, cancelled ones not) and their booked hours;</item>
/// <item>utilisation per item: booked business hours in the period ÷ bookable business hours of the period. Bookable time is
/// the business calendar of the service levels (working hours less holidays and closures): the lending desk hands
/// equipment over in the office's hours, and the Reservations module has no opening hours of its own (only an optional
/// limit for new bookings). A booking counts from its start to its end, clipped to the period; no-shows do not count;</item>
/// <item>no-shows: reservations starting in the period that were never picked up;</item>
/// <item>late returns: reservations ending in the period returned after their end, or still out after it now.</item>
/// </list>
/// </summary>
public sealed record GetEquipmentReportQuery(ReportFilter Filter, int? MaterialTypeId = null) : IQuery<EquipmentReport>;

public sealed record EquipmentReport(
    DateOnly From,
    DateOnly To,
    double BookableHours,
    IReadOnlyList<MaterialTypeUseRow> MaterialTypes,
    IReadOnlyList<ItemUtilisationRow> Items,
    IReadOnlyList<EquipmentBookingRow> NoShows,
    IReadOnlyList<EquipmentBookingRow> LateReturns);

public sealed record MaterialTypeUseRow(int MaterialTypeId, string MaterialType, int Reservations, double Hours);

/// <summary>Utilisation in percent (one decimal), null when the period has no business time.</summary>
public sealed record ItemUtilisationRow(Guid ItemId, string Code, string Name, string MaterialType, int Reservations, double BookedHours, double? UtilisationPercent);

/// <summary>A reservation of the lists; <see cref="MinutesLate"/> (calendar minutes) only for late returns, up to now when still out.</summary>
public sealed record EquipmentBookingRow(
    Guid ReservationId,
    string Code,
    string Item,
    string MaterialType,
    Guid HolderId,
    string Holder,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? ReturnedAt,
    bool StillOut,
    double? MinutesLate);

internal sealed class GetEquipmentReportQueryHandler(ReportScopes scopes, IEquipmentReportingStore store, IServiceLevelCatalog serviceLevels, TimeProvider clock)
    : IQueryHandler<GetEquipmentReportQuery, EquipmentReport>
{
    public async ValueTask<EquipmentReport> Handle(GetEquipmentReportQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.ResolveAsync(query.Filter, cancellationToken);
        var period = scope.Period;
        var calendar = (await serviceLevels.CurrentAsync(cancellationToken)).Calendar;
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var types = (await store.MaterialTypesAsync(cancellationToken)).ToDictionary(t => t.Id, t => english && !string.IsNullOrWhiteSpace(t.EnglishName) ? t.EnglishName! : t.Name);
        var items = (await store.ItemsAsync(query.MaterialTypeId, cancellationToken)).ToDictionary(i => i.Id);
        var bookings = (await store.BookingsAsync(period.Start, period.End, query.MaterialTypeId, cancellationToken)).Where(b => items.ContainsKey(b.ItemId)).ToList();
        var listed = bookings.Select(b => b.Row).OfType<BookingRow>().ToList();
        var timeline = BusinessTimeline.Over(calendar, period.From, period.To);
        var bookable = timeline.Between(period.Start, period.End);
        var now = clock.GetUtcNow();
        string TypeOf(EquipmentItemRow item) => types.GetValueOrDefault(item.MaterialTypeId) ?? item.MaterialTypeId.ToString(CultureInfo.InvariantCulture);

        var starting = bookings.Where(b => b.StartsAt >= period.Start && b.StartsAt < period.End).ToList();
        var byType = starting
            .GroupBy(b => items[b.ItemId].MaterialTypeId)
            .Select(g => new MaterialTypeUseRow(g.Key, types.GetValueOrDefault(g.Key) ?? g.Key.ToString(CultureInfo.InvariantCulture), g.Count(), Round(g.Sum(b => (b.EndsAt - b.StartsAt).TotalHours))))
            .OrderByDescending(r => r.Reservations).ThenByDescending(r => r.Hours).ThenBy(r => r.MaterialType, StringComparer.OrdinalIgnoreCase)
            .ToList();

        // Counted once per item (a year holds a hundred thousand bookings of two thousand items).
        var bookedMinutes = BookedMinutes(bookings, timeline, period.Start, period.End);
        var startingPerItem = starting.Where(b => b.State != BookingState.NoShow).CountBy(b => b.ItemId).ToDictionary();
        var utilisation = items.Values
            .Where(i => !i.Retired || bookedMinutes.ContainsKey(i.Id))
            .Select(i =>
            {
                var minutes = bookedMinutes.GetValueOrDefault(i.Id);
                return new ItemUtilisationRow(i.Id, i.Code, i.Name, TypeOf(i), startingPerItem.GetValueOrDefault(i.Id),
                    Round(minutes / 60), bookable > 0 ? Round(100 * minutes / bookable) : null);
            })
            .OrderByDescending(r => r.UtilisationPercent ?? 0).ThenBy(r => r.Code, StringComparer.OrdinalIgnoreCase)
            .ToList();

        EquipmentBookingRow Row(BookingRow b, bool late)
        {
            var item = items[b.ItemId];
            var stillOut = b.State is BookingState.CheckedOut or BookingState.Overdue;
            double? minutesLate = late ? Round(((b.ReturnedAt ?? now) - b.EndsAt).TotalMinutes) : null;
            return new EquipmentBookingRow(b.Id, item.Code, item.Name, TypeOf(item), b.HolderId, b.HolderName ?? b.HolderId.ToString(), b.StartsAt, b.EndsAt, b.ReturnedAt, stillOut, minutesLate);
        }

        var noShows = listed.Where(b => b.StartsAt >= period.Start && b.StartsAt < period.End && b.State == BookingState.NoShow).OrderBy(b => b.StartsAt).Select(b => Row(b, late: false)).ToList();
        var lateReturns = listed
            .Where(b => b.EndsAt >= period.Start && b.EndsAt < period.End)
            .Where(b => b.ReturnedAt is { } returned ? returned > b.EndsAt : b.State is BookingState.CheckedOut or BookingState.Overdue && b.EndsAt < now)
            .OrderBy(b => b.EndsAt)
            .Select(b => Row(b, late: true))
            .ToList();
        return new EquipmentReport(period.From, period.To, Round(bookable / 60), byType, utilisation, noShows, lateReturns);
    }

    /// <summary>
    /// Each item's booked business minutes in the period, no-shows left out (an item with a booking has an entry, even
    /// of 0): one pass, optimised at its first call, since a year holds a hundred thousand bookings and the report may
    /// run once a month.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<Guid, double> BookedMinutes(List<BookingSpan> bookings, BusinessTimeline timeline, DateTimeOffset start, DateTimeOffset end)
    {
        var minutes = new Dictionary<Guid, double>();
        foreach (var b in bookings)
        {
            if (b.State != BookingState.NoShow)
            {
                ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(minutes, b.ItemId, out _);
                total += timeline.Between(Max(b.StartsAt, start), Min(b.EndsAt, end));
            }
        }

        return minutes;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
