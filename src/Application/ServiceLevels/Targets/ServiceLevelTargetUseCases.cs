using FluentValidation;
using FluentValidation.Results;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.ServiceLevels.Contracts;
using MesaServicios.Domain.ServiceLevels;
using MesaServicios.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.ServiceLevels.Targets;

/// <summary>A target as shown: business minutes, and whether it is the built-in default.</summary>
public sealed record ServiceLevelTargetDto(Urgency Urgency, TicketType? Type, int OwnMinutes, int ResolveMinutes, bool IsDefault);

/// <summary>The targets in force, the longest time to own allowed by the promise, and the warning share.</summary>
public sealed record ServiceLevelTargetsDto(IReadOnlyList<ServiceLevelTargetDto> Targets, int MaxOwnMinutes, int WarningPercent);

public sealed record GetServiceLevelTargetsQuery : IQuery<ServiceLevelTargetsDto>;

/// <summary>One target as sent by a client (urgency and type as names; type empty = every type).</summary>
public sealed record ServiceLevelTargetInput(string? Urgency, string? Type, int? OwnMinutes, int? ResolveMinutes);

/// <summary>
/// An administrator replaces the targets. Urgencies left out keep the default. New tickets use them at once; open
/// tickets keep their due dates until <c>POST /service-levels/recompute</c>.
/// </summary>
public sealed record SetServiceLevelTargetsCommand(IReadOnlyList<ServiceLevelTargetInput>? Targets) : ICommand<ServiceLevelTargetsDto>;

internal sealed class SetServiceLevelTargetsValidator : AbstractValidator<SetServiceLevelTargetsCommand>
{
    public SetServiceLevelTargetsValidator()
    {
        RuleFor(c => c.Targets).Must(t => t is { Count: > 0 and <= 20 }).WithMessage(_ => Messages.Get("servicelevels.targets_required"));
        RuleForEach(c => c.Targets).ChildRules(target =>
        {
            target.RuleFor(t => t.Urgency).Must(u => TargetInput.Urgency(u) is not null).WithMessage(_ => Messages.Get("servicelevels.urgency_invalid"));
            target.RuleFor(t => t.Type).Must(t => string.IsNullOrWhiteSpace(t) || TargetInput.Type(t) is not null).WithMessage(_ => Messages.Get("servicelevels.type_invalid"));
            target.RuleFor(t => t.OwnMinutes).NotNull().GreaterThan(0).WithMessage(_ => Messages.Get("common.invalid_value"));
            target.RuleFor(t => t.ResolveMinutes).NotNull().GreaterThan(0).WithMessage(_ => Messages.Get("common.invalid_value"));
        });
        RuleFor(c => c.Targets).Must(t => t is null || t.GroupBy(x => (TargetInput.Urgency(x.Urgency), TargetInput.Type(x.Type))).All(g => g.Count() == 1))
            .WithMessage(_ => Messages.Get("servicelevels.target_repeated"));
    }
}

internal static class TargetInput
{
    public static Urgency? Urgency(string? value) =>
        value is not null && !int.TryParse(value, out _) && Enum.TryParse<Urgency>(value.Trim(), true, out var u) && Enum.IsDefined(u) ? u : null;

    public static TicketType? Type(string? value) =>
        value is not null && !int.TryParse(value, out _) && Enum.TryParse<TicketType>(value.Trim(), true, out var t) && Enum.IsDefined(t) ? t : null;
}

internal sealed class ServiceLevelTargetHandlers(IServiceLevelsDbContext db, IServiceLevelCatalog catalog, ServiceLevelCache cache) :
    IQueryHandler<GetServiceLevelTargetsQuery, ServiceLevelTargetsDto>,
    ICommandHandler<SetServiceLevelTargetsCommand, ServiceLevelTargetsDto>
{
    public async ValueTask<ServiceLevelTargetsDto> Handle(GetServiceLevelTargetsQuery query, CancellationToken cancellationToken)
    {
        var stored = await db.ServiceLevelTargets.AsNoTracking().ToListAsync(cancellationToken);
        var snapshot = await catalog.CurrentAsync(cancellationToken);
        return new ServiceLevelTargetsDto(
            ServiceLevelCatalog.Effective(stored)
                .Select(t => new ServiceLevelTargetDto(t.Urgency, t.Type, t.OwnMinutes, t.ResolveMinutes, !stored.Contains(t)))
                .ToList(),
            ServiceLevelTarget.PromisedBusinessDays * snapshot.BusinessDayMinutes,
            snapshot.WarningPercent);
    }

    public async ValueTask<ServiceLevelTargetsDto> Handle(SetServiceLevelTargetsCommand command, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.CurrentAsync(cancellationToken);
        var targets = new List<ServiceLevelTarget>();
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < command.Targets!.Count; i++)
        {
            var input = command.Targets[i];
            try
            {
                targets.Add(ServiceLevelTarget.Create(
                    TargetInput.Urgency(input.Urgency)!.Value, TargetInput.Type(input.Type), input.OwnMinutes!.Value, input.ResolveMinutes!.Value, snapshot.BusinessDayMinutes));
            }
            catch (Domain.Common.DomainException exception)
            {
                var field = exception.Code == "servicelevels.own_target_range" ? "ownMinutes" : "resolveMinutes";
                failures.Add(new ValidationFailure($"targets[{i}].{field}", Messages.Get(exception.Code, [.. exception.Arguments])));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        await db.ServiceLevelTargets.ExecuteDeleteAsync(cancellationToken);
        db.ServiceLevelTargets.AddRange(targets);
        cache.Invalidate();
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return await Handle(new GetServiceLevelTargetsQuery(), cancellationToken);
    }
}
