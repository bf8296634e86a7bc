using MesaServicios.Application.Common.Caching;
using MesaServicios.Domain.Notifications;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>
/// Drops <see cref="ReferenceCache"/> when a save touches what it holds (users, sessions, notification preferences): before
/// the save, after it, and — through <see cref="MesaDbContext.ReferenceDataChanged"/> — after the commit that makes
/// it visible to other connections, so no reader can keep a value older than the change.
/// </summary>
internal sealed class ReferenceDataInterceptor(ReferenceCache cache) : SaveChangesInterceptor
{
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

        // Runs before EF detects changes: any tracked user or preference counts as changed (loaded for a change), which
        // avoids a second scan of the change tracker on every save.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        bool changed;
        try
        {
            // A session that is only being added (a sign-in) changes nothing already cached; one that is loaded may
            // be ending (sign-out, password change, deactivation).
            changed = db.ChangeTracker.Entries<User>().Any()
                || db.ChangeTracker.Entries<NotificationPreference>().Any()
                || db.ChangeTracker.Entries<UserSession>().Any(e => e.State != EntityState.Added);
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
