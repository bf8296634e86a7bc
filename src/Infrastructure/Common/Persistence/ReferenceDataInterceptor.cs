using MesaServicios.Application.Common.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>
/// A module's entities that <see cref="ReferenceCache"/> holds (users, sessions, notification preferences…), registered
/// by the module (<c>services.AddSingleton&lt;ICachedReferenceData, X&gt;()</c>).
/// </summary>
public interface ICachedReferenceData
{
    /// <summary>
    /// Whether this save may change cached data. Runs before EF detects changes: look at the tracked entries only
    /// (any tracked entity loaded for a change counts as changed).
    /// </summary>
    bool MayChange(ChangeTracker changes);
}

/// <summary>
/// Drops <see cref="ReferenceCache"/> when a save touches what it holds (<see cref="ICachedReferenceData"/>): before
/// the save, after it, and — through <see cref="MesaDbContext.ReferenceDataChanged"/> — after the commit that makes
/// it visible to other connections, so no reader can keep a value older than the change.
/// </summary>
internal sealed class ReferenceDataInterceptor(ReferenceCache cache, IEnumerable<ICachedReferenceData> cached) : SaveChangesInterceptor
{
    private readonly ICachedReferenceData[] _cached = cached.ToArray();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => AfterSave(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return Task.CompletedTask;
    }

    private void Check(DbContext? context)
    {
        if (context is not MesaDbContext db)
        {
            return;
        }

        // Runs before EF detects changes: any tracked cached entity counts as changed (loaded for a change), which
        // avoids a second scan of the change tracker on every save.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        bool changed;
        try
        {
            changed = _cached.Any(c => c.MayChange(db.ChangeTracker));
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        if (changed)
        {
            db.ReferenceDataChanged = true;
            cache.Invalidate();
        }
    }

    private void AfterSave(DbContext? context)
    {
        if (context is MesaDbContext { ReferenceDataChanged: true })
        {
            cache.Invalidate();
        }
    }
}
