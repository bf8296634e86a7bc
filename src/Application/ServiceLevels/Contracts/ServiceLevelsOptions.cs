namespace MesaServicios.Application.ServiceLevels.Contracts;

/// <summary>Settings of service levels (section "ServiceLevels"); hours, closures and targets are kept in the database.</summary>
public sealed class ServiceLevelsOptions
{
    public const string Section = "ServiceLevels";

    /// <summary>The office's time zone (IANA id).</summary>
    public string TimeZone { get; set; } = "America/Bogota";

    /// <summary>Share of a target after which the "nearing" warnings go out.</summary>
    public int WarningPercent { get; set; } = 75;

    /// <summary>The escalation levels raised (OwnNearing, OwnMissed, ResolveNearing, ResolveMissed, AutoCloseWarning).</summary>
    public List<string> EscalationLevels { get; set; } = ["OwnNearing", "OwnMissed", "ResolveNearing", "ResolveMissed", "AutoCloseWarning"];

    /// <summary>How often the escalation job runs (cron).</summary>
    public string EscalationCron { get; set; } = "*/5 * * * *";

    /// <summary>How long a node keeps the calendar and targets in memory before reading them again (a change on this node drops them at once).</summary>
    public int CacheSeconds { get; set; } = 30;

    public static readonly string[] KnownLevels = ["OwnNearing", "OwnMissed", "ResolveNearing", "ResolveMissed", "AutoCloseWarning"];

    public static bool IsValid(ServiceLevelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.WarningPercent is >= 1 and <= 99
            && options.CacheSeconds >= 0
            && options.EscalationLevels.All(l => KnownLevels.Contains(l, StringComparer.Ordinal))
            && !string.IsNullOrWhiteSpace(options.TimeZone);
    }
}
