using FluentValidation;
using Mediator;
using MesaServicios.Application.Common;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Security;
using MesaServicios.Application.Notifications.Matrix;
using MesaServicios.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Notifications.Preferences;

/// <summary>One kind of event and whether I get it by e-mail. <see cref="Locked"/> kinds (security mails) are always sent.</summary>
public sealed record NotificationPreferenceItem(string Kind, bool Email, bool Locked);

public sealed record NotificationPreferences(IReadOnlyList<NotificationPreferenceItem> Items);

public sealed record NotificationPreferenceChange(string Kind, bool Email);

public sealed record GetMyNotificationPreferencesQuery : IQuery<NotificationPreferences>;

/// <summary>Turns e-mail on or off per kind of event; kinds not listed keep their setting. In-app notifications always stay.</summary>
public sealed record UpdateMyNotificationPreferencesCommand(IReadOnlyList<NotificationPreferenceChange> Items) : ICommand<NotificationPreferences>;

internal sealed class UpdateMyNotificationPreferencesValidator : AbstractValidator<UpdateMyNotificationPreferencesCommand>
{
    public UpdateMyNotificationPreferencesValidator()
    {
        RuleFor(c => c.Items).NotNull();
        RuleForEach(c => c.Items).ChildRules(item =>
        {
            item.RuleFor(i => i.Kind)
                .Must(NotificationMatrix.IsKnown)
                .WithMessage(i => Messages.Get("notifications.kind_unknown", i.Kind));
            item.RuleFor(i => i.Email)
                .Must((i, email) => email || !NotificationMatrix.IsKnown(i.Kind) || NotificationMatrix.CanTurnOffEmail(i.Kind))
                .WithMessage(i => Messages.Get("notifications.preference_locked", i.Kind));
        });
    }
}

internal sealed class MyNotificationPreferencesHandlers(INotificationsDbContext db, ICurrentUser currentUser, TimeProvider clock) :
    IQueryHandler<GetMyNotificationPreferencesQuery, NotificationPreferences>,
    ICommandHandler<UpdateMyNotificationPreferencesCommand, NotificationPreferences>
{
    public async ValueTask<NotificationPreferences> Handle(GetMyNotificationPreferencesQuery query, CancellationToken cancellationToken) =>
        await ReadAsync(currentUser.RequiredUserId, cancellationToken);

    public async ValueTask<NotificationPreferences> Handle(UpdateMyNotificationPreferencesCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var now = clock.GetUtcNow();
        var stored = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Kind, cancellationToken);
        foreach (var change in command.Items.Where(i => NotificationMatrix.CanTurnOffEmail(i.Kind)).DistinctBy(i => i.Kind))
        {
            if (stored.TryGetValue(change.Kind, out var preference))
            {
                preference.Change(change.Email, now);
            }
            else
            {
                db.NotificationPreferences.Add(NotificationPreference.Create(userId, change.Kind, change.Email, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ReadAsync(userId, cancellationToken);
    }

    private async Task<NotificationPreferences> ReadAsync(Guid userId, CancellationToken cancellationToken)
    {
        var off = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.UserId == userId && !p.EmailEnabled)
            .Select(p => p.Kind)
            .ToListAsync(cancellationToken);
        return new NotificationPreferences(NotificationMatrix.Rules
            .Select(r => new NotificationPreferenceItem(r.Kind, r.Security || !off.Contains(r.Kind), r.Security))
            .ToList());
    }
}
