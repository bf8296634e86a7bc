using FluentValidation;
using FluentValidation.Results;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.Reporting;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Application.Reporting;

/// <summary>
/// The period and filters every report takes. <see cref="From"/>/<see cref="To"/> are local days in the office's
/// time zone (both included; by default the current month up to today). <see cref="CategoryId"/> includes its
/// subcategories; <see cref="Department"/> is the requester's department (exact, any case).
/// </summary>
public sealed record ReportFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    TicketType? Type = null,
    int? CategoryId = null,
    string? Department = null,
    Guid? TechnicianId = null,
    TicketSource? Source = null);

/// <summary>A resolved filter: the period in the office's zone, the slice of tickets, and the category tree.</summary>
public sealed record ReportScope(ReportPeriod Period, TicketSlice Slice, IReadOnlyList<CategoryNode> Categories, DateOnly Today)
{
    /// <summary>Business minutes between instants from <paramref name="first"/> up to today, day totals asked of the calendar once.</summary>
    public BusinessTimeline Timeline(MesaServicios.Domain.Common.IBusinessCalendar calendar, DateOnly first) =>
        BusinessTimeline.Over(calendar, first, Today.AddDays(1));

    /// <summary>The same filters over another period (the previous one, for changes).</summary>
    public TicketSlice SliceFor(ReportPeriod period) => Slice with { Start = period.Start, End = period.End };

    /// <summary>"Hardware › Impresoras": the category's path from the root.</summary>
    public string CategoryPath(int id)
    {
        var byId = Categories.ToDictionary(c => c.Id);
        var names = new List<string>();
        for (int? current = id; current is { } c && byId.TryGetValue(c, out var node) && names.Count < 20; current = node.ParentId)
        {
            names.Insert(0, node.Name);
        }

        return names.Count == 0 ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Join(" › ", names);
    }
}

/// <summary>Turns a <see cref="ReportFilter"/> into a <see cref="ReportScope"/>: the office's zone comes from the business calendar.</summary>
internal sealed class ReportScopes(IReportingStore store, IServiceLevelCatalog serviceLevels, TimeProvider clock)
{
    public async Task<ReportScope> ResolveAsync(ReportFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var zone = (await serviceLevels.CurrentAsync(cancellationToken)).Calendar.Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var from = filter.From ?? new DateOnly((filter.To ?? today).Year, (filter.To ?? today).Month, 1);
        var to = filter.To ?? (from > today ? from : today);
        var failures = new List<ValidationFailure>();
        if (to < from)
        {
            failures.Add(new ValidationFailure("to", Messages.Get("reporting.period_order")));
        }
        else if (to.DayNumber - from.DayNumber >= ReportPeriod.MaxDays)
        {
            failures.Add(new ValidationFailure("to", Messages.Get("reporting.period_too_long", ReportPeriod.MaxDays)));
        }

        if (filter.Department is { Length: > 150 })
        {
            failures.Add(new ValidationFailure("department", Messages.Get("reporting.department_too_long")));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var period = ReportPeriod.Of(from, to, zone);
        var categories = await store.CategoriesAsync(cancellationToken);
        IReadOnlyList<int>? categoryIds = null;
        if (filter.CategoryId is { } root)
        {
            if (categories.All(c => c.Id != root))
            {
                throw new ValidationException([new ValidationFailure("categoryId", Messages.Get("reporting.category_unknown"))]);
            }

            categoryIds = WithDescendants(root, categories);
        }

        var department = string.IsNullOrWhiteSpace(filter.Department) ? null : filter.Department.Trim();
        var slice = new TicketSlice(period.Start, period.End, zone, filter.Type, categoryIds, department, filter.TechnicianId, filter.Source);
        return new ReportScope(period, slice, categories, today);
    }

    private static List<int> WithDescendants(int root, IReadOnlyList<CategoryNode> categories)
    {
        var ids = new List<int> { root };
        for (var i = 0; i < ids.Count && ids.Count <= categories.Count; i++)
        {
            var parent = ids[i];
            ids.AddRange(categories.Where(c => c.ParentId == parent && !ids.Contains(c.Id)).Select(c => c.Id));
        }

        return ids;
    }
}
