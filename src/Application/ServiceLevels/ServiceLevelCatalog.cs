using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.ServiceLevels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MesaServicios.Application.ServiceLevels;

/// <summary>
/// The calendar and targets in memory, shared by every request of this process. Dropped at once when this process
/// saves a change to them; renewed after <see cref="ServiceLevelsOptions.CacheSeconds"/> anyway, so a change
/// saved by another node is seen within that time.
/// </summary>
public sealed class ServiceLevelCache(TimeProvider clock)
{
    private Entry? _entry;
    private long _generation;

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _entry, null);
    }

    internal async ValueTask<ServiceLevelSnapshot> GetOrLoadAsync(TimeSpan lifetime, Func<CancellationToken, Task<ServiceLevelSnapshot>> load, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _entry) is { } entry && entry.ExpiresAt > now)
        {
            return entry.Snapshot;
        }

        var generation = Interlocked.Read(ref _generation);
        var snapshot = await load(cancellationToken);

        // Kept only if nothing changed while it loaded (otherwise the next caller loads again).
        if (Interlocked.Read(ref _generation) == generation)
        {
            Volatile.Write(ref _entry, new Entry(snapshot, now + lifetime));
        }

        return snapshot;
    }

    private sealed record Entry(ServiceLevelSnapshot Snapshot, DateTimeOffset ExpiresAt);
}

/// <summary>Loads the week, the closures and the targets (defaults where nothing is stored) into a snapshot.</summary>
internal sealed class ServiceLevelCatalog(IServiceLevelsDbContext db, ServiceLevelCache cache, IOptions<ServiceLevelsOptions> options)
    : IServiceLevelCatalog
{
    public ValueTask<ServiceLevelSnapshot> CurrentAsync(CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(TimeSpan.FromSeconds(options.Value.CacheSeconds), LoadAsync, cancellationToken);

    private async Task<ServiceLevelSnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var week = await db.WorkingDays.AsNoTracking().ToListAsync(cancellationToken);
        var closures = await db.CalendarClosures.AsNoTracking().ToListAsync(cancellationToken);
        var targets = await db.ServiceLevelTargets.AsNoTracking().ToListAsync(cancellationToken);
        var settings = options.Value;
        var calendar = new BusinessCalendar(BusinessCalendar.FindZone(settings.TimeZone), week.Count == 0 ? WorkingDay.DefaultWeek : week, closures);
        return new ServiceLevelSnapshot(
            calendar,
            Effective(targets).Select(t => new ServiceLevelTargetTerms(t.Urgency, t.Type, t.OwnMinutes, t.ResolveMinutes)).ToList(),
            settings.WarningPercent,
            Math.Max(calendar.ShortestWorkingDayMinutes, 1),
            settings.EscalationLevels);
    }

    /// <summary>The stored targets, and the default for every urgency that has no general target of its own.</summary>
    public static IEnumerable<ServiceLevelTarget> Effective(IReadOnlyCollection<ServiceLevelTarget> stored) =>
        stored.Concat(ServiceLevelTarget.Defaults.Where(d => !stored.Any(s => s.Urgency == d.Urgency && s.Type is null)))
            .OrderByDescending(t => t.Urgency).ThenBy(t => t.Type);
}
