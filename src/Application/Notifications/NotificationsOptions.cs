namespace MesaServicios.Application.Notifications;

/// <summary>Notification settings (section "Notifications").</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>How long the approve/reject links of a "solved" e-mail stay valid.</summary>
    public int ActionLinkLifetimeDays { get; set; } = 14;

    /// <summary>Public base address of this API, for the links in e-mails. Empty: the address the request came to.</summary>
    public string ApiBaseUrl { get; set; } = string.Empty;
}
