using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets;

namespace MesaServicios.Domain.ServiceLevels;

/// <summary>
/// What the office promises for one urgency (optionally one ticket type): the time to own (first assignment or
/// first public answer by the desk) and the time to resolve, in business minutes.
/// </summary>
public sealed class ServiceLevelTarget
{
    /// <summary>The office's promise: an answer within 5 business days of the ticket's creation.</summary>
    public const int PromisedBusinessDays = 5;

    /// <summary>A resolve target beyond 120 business days is almost certainly a typing error.</summary>
    public const int MaxResolveBusinessDays = 120;

    private ServiceLevelTarget()
    {
    }

    public int Id { get; private set; }

    public Urgency Urgency { get; private set; }

    /// <summary>Null: every type of this urgency without a target of its own.</summary>
    public TicketType? Type { get; private set; }

    public int OwnMinutes { get; private set; }

    public int ResolveMinutes { get; private set; }

    /// <summary>
    /// A checked target. The time to own never exceeds <see cref="PromisedBusinessDays"/> of the calendar's shortest
    /// working day (so it holds whatever the day), and the time to resolve is at least the time to own.
    /// </summary>
    public static ServiceLevelTarget Create(Urgency urgency, TicketType? type, int ownMinutes, int resolveMinutes, int shortestWorkingDayMinutes)
    {
        if (!Enum.IsDefined(urgency) || (type is { } t && !Enum.IsDefined(t)))
        {
            throw new DomainException("common.invalid_value");
        }

        var cap = PromisedBusinessDays * shortestWorkingDayMinutes;
        if (ownMinutes < 1 || ownMinutes > cap)
        {
            throw new DomainException("servicelevels.own_target_range", DomainErrorKind.RuleBroken, cap);
        }

        if (resolveMinutes < ownMinutes || resolveMinutes > MaxResolveBusinessDays * Math.Max(shortestWorkingDayMinutes, 1))
        {
            throw new DomainException("servicelevels.resolve_target_range", DomainErrorKind.RuleBroken, ownMinutes, MaxResolveBusinessDays * shortestWorkingDayMinutes);
        }

        return new ServiceLevelTarget { Urgency = urgency, Type = type, OwnMinutes = ownMinutes, ResolveMinutes = resolveMinutes };
    }

    /// <summary>
    /// The defaults (10-hour days): very high 1 h / 1 day, high 4 h / 2 days, medium 1 day / 5 days, low 2 days /
    /// 10 days, very low 5 days / 20 days — no time to own beyond the promised 5 business days.
    /// </summary>
    public static IReadOnlyList<ServiceLevelTarget> Defaults { get; } =
    [
        Create(Urgency.VeryHigh, null, 60, 600, 600),
        Create(Urgency.High, null, 240, 1_200, 600),
        Create(Urgency.Medium, null, 600, 3_000, 600),
        Create(Urgency.Low, null, 1_200, 6_000, 600),
        Create(Urgency.VeryLow, null, 3_000, 12_000, 600),
    ];

    /// <summary>The target for a ticket: its urgency and type, else its urgency, else the default for the urgency.</summary>
    public static ServiceLevelTarget For(IReadOnlyList<ServiceLevelTarget> targets, Urgency urgency, TicketType type)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ServiceLevelTarget? general = null;
        foreach (var target in targets)
        {
            if (target.Urgency != urgency)
            {
                continue;
            }

            if (target.Type == type)
            {
                return target;
            }

            if (target.Type is null)
            {
                general = target;
            }
        }

        return general ?? Defaults.First(d => d.Urgency == urgency);
    }
}
