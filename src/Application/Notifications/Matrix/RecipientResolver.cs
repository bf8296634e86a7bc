using Mediator;
using MesaServicios.Application.Users.Contracts;
using MesaServicios.Domain.Users;

namespace MesaServicios.Application.Notifications.Matrix;

/// <summary>The people around a ticket when something happened to it.</summary>
public sealed record TicketParticipants(
    Guid? ActorId,
    Guid RequesterId,
    Guid? AssignedTechnicianId,
    IReadOnlyList<Guid> ObserverIds,
    Guid? NewObserverId = null);

/// <summary>A person to notify and the role through which he is concerned (the first one, if several).</summary>
public sealed record Recipient(UserSnapshot User, Audience Role);

/// <summary>Applies a row of <see cref="NotificationMatrix"/> to a ticket's participants.</summary>
internal sealed class RecipientResolver(ISender sender)
{
    /// <summary>Order in which a person holding several roles is addressed (his message is the one of the first).</summary>
    private static readonly Audience[] Precedence =
    [
        Audience.RequesterConfirmation, Audience.Requester, Audience.NewObserver, Audience.AssignedTechnician,
        Audience.AssignedOrAllTechnicians, Audience.TechniciansIfUnassigned, Audience.Observers, Audience.Administrators,
    ];

    public async Task<IReadOnlyList<Recipient>> ResolveAsync(NotificationRule rule, TicketParticipants ticket, CancellationToken cancellationToken)
    {
        var candidates = new List<(Guid Id, Audience Role)>();
        IReadOnlyList<UserSnapshot>? technicians = null;
        IReadOnlyList<UserSnapshot>? administrators = null;
        foreach (var role in Precedence.Where(r => rule.Audience.HasFlag(r)))
        {
            switch (role)
            {
                case Audience.RequesterConfirmation or Audience.Requester:
                    candidates.Add((ticket.RequesterId, role));
                    break;
                case Audience.NewObserver when ticket.NewObserverId is { } observer:
                    candidates.Add((observer, role));
                    break;
                case Audience.AssignedTechnician when ticket.AssignedTechnicianId is { } assigned:
                    candidates.Add((assigned, role));
                    break;
                case Audience.AssignedOrAllTechnicians when ticket.AssignedTechnicianId is { } assigned:
                    candidates.Add((assigned, role));
                    break;
                case Audience.AssignedOrAllTechnicians or Audience.TechniciansIfUnassigned when ticket.AssignedTechnicianId is null:
                    technicians ??= await sender.Send(new ListActiveUsersByRoleQuery(UserRole.Technician), cancellationToken);
                    candidates.AddRange(technicians.Select(t => (t.Id, role)));
                    break;
                case Audience.Observers:
                    candidates.AddRange(ticket.ObserverIds.Select(o => (o, role)));
                    break;
                case Audience.Administrators:
                    administrators ??= await sender.Send(new ListActiveUsersByRoleQuery(UserRole.Administrator), cancellationToken);
                    candidates.AddRange(administrators.Select(a => (a.Id, role)));
                    break;
            }
        }

        // Nobody hears of his own action (the creation confirmation is the one exception); one message per person.
        var chosen = candidates
            .Where(c => c.Id != ticket.ActorId || c.Role == Audience.RequesterConfirmation)
            .DistinctBy(c => c.Id)
            .ToList();
        if (chosen.Count == 0)
        {
            return [];
        }

        var users = (await sender.Send(new GetUserSnapshotsQuery(chosen.Select(c => c.Id).ToArray()), cancellationToken))
            .ToDictionary(u => u.Id);
        return chosen
            .Where(c => users.TryGetValue(c.Id, out var user) && user.IsActive && (!rule.TechniciansOnly || user.Role >= UserRole.Technician))
            .Select(c => new Recipient(users[c.Id], c.Role))
            .ToList();
    }
}
