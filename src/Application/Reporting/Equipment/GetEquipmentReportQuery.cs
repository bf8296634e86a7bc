using System.Globalization;
using System.Runtime.CompilerServices;
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
        var bookings = await store.BookingsAsync(period.Start, period.End, query.MaterialTypeId, cancellationToken);
        var items = bookings.Items.ToDictionary(i => i.Id);
        var timeline = BusinessTimeline.Over(calendar, period.From, period.To);
        var bookable = timeline.Between(period.Start, period.End);
        var now = clock.GetUtcNow();
        string TypeOf(EquipmentItemRow item) => types.GetValueOrDefault(item.MaterialTypeId) ?? item.MaterialTypeId.ToString(CultureInfo.InvariantCulture);

        // Every sum in one pass over the columns (a year holds a hundred thousand bookings of two thousand items).
        var sums = Sum(bookings, timeline, period.Start.UtcTicks, period.End.UtcTicks);
        var byType = bookings.Items
            .Select((item, index) => (item.MaterialTypeId, Reservations: sums.Starting[index], Ticks: sums.StartingTicks[index]))
            .Where(i => i.Reservations > 0)
            .GroupBy(i => i.MaterialTypeId)
            .Select(g => new MaterialTypeUseRow(g.Key, types.GetValueOrDefault(g.Key) ?? g.Key.ToString(CultureInfo.InvariantCulture), g.Sum(i => i.Reservations), Round(TimeSpan.FromTicks(g.Sum(i => i.Ticks)).TotalHours)))
            .OrderByDescending(r => r.Reservations).ThenByDescending(r => r.Hours).ThenBy(r => r.MaterialType, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var utilisation = bookings.Items
            .Select((item, index) => (Item: item, Index: index))
            .Where(i => !i.Item.Retired || sums.Used[i.Index])
            .Select(i =>
            {
                var minutes = sums.Minutes[i.Index];
                return new ItemUtilisationRow(i.Item.Id, i.Item.Code, i.Item.Name, TypeOf(i.Item), sums.StartingUsed[i.Index],
                    Round(minutes / 60), bookable > 0 ? Round(100 * minutes / bookable) : null);
            })
            .OrderByDescending(r => r.UtilisationPercent ?? 0).ThenBy(r => r.Code, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var listed = bookings.Listed;
        EquipmentBookingRow Row(BookingRow b, bool late)
        {
            var item = items[b.ItemId];
            var stillOut = b.State is BookingState.CheckedOut or BookingState.Overdue;
            double? minutesLate = late ? Round(((b.ReturnedAt ?? now) - b.EndsAt).TotalMinutes) : null;
            return new EquipmentBookingRow(b.Id, item.Code, item.Name, TypeOf(item), b.HolderId, b.HolderName ?? b.HolderId.ToString(), b.StartsAt, b.EndsAt, b.ReturnedAt, stillOut, minutesLate);
        }

        var noShows = listed.Where(b => b.StartsAt >= period.Start && b.StartsAt < period.End && b.State == BookingState.NoShow).OrderBy(b => b.StartsAt).ThenBy(b => b.Id).Select(b => Row(b, late: false)).ToList();
        var lateReturns = listed
            .Where(b => b.EndsAt >= period.Start && b.EndsAt < period.End)
            .Where(b => b.ReturnedAt is { } returned ? returned > b.EndsAt : b.State is BookingState.CheckedOut or BookingState.Overdue && b.EndsAt < now)
            .OrderBy(b => b.EndsAt).ThenBy(b => b.Id) // ties in one order whatever the engine read them in
            .Select(b => Row(b, late: true))
            .ToList();
        return new EquipmentReport(period.From, period.To, Round(bookable / 60), byType, utilisation, noShows, lateReturns);
    }

    /// <summary>
    /// Per item (by position): its bookings starting in the period, no-shows included, and their calendar length in ticks
    /// (for the material types); those of them that are not no-shows; its booked business minutes in the period, no-shows
    /// left out, each booking clipped to the period; and whether it has any booking that is not a no-show (a retired item
    /// is listed then). One pass over the columns with no object per booking, optimised at its first call, since a year
    /// holds a hundred thousand bookings and the report may run once a month.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ItemSums Sum(EquipmentBookings bookings, BusinessTimeline timeline, long start, long end)
    {
        var count = bookings.Items.Count;
        var sums = new ItemSums(new int[count], new long[count], new int[count], new double[count], new bool[count]);
        var items = bookings.Item;
        var starts = bookings.StartsAt;
        var ends = bookings.EndsAt;
        var states = bookings.State;
        for (var b = 0; b < items.Length; b++)
        {
            var item = items[b];
            var noShow = states[b] == BookingState.NoShow;
            if (starts[b] >= start && starts[b] < end)
            {
                sums.Starting[item]++;
                sums.StartingTicks[item] += ends[b] - starts[b];
                if (!noShow)
                {
                    sums.StartingUsed[item]++;
                }
            }

            if (!noShow)
            {
                sums.Used[item] = true;
                sums.Minutes[item] += timeline.Between(Math.Max(starts[b], start), Math.Min(ends[b], end));
            }
        }

        return sums;
    }

    private sealed record ItemSums(int[] Starting, long[] StartingTicks, int[] StartingUsed, double[] Minutes, bool[] Used);

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
