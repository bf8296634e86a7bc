using Mediator;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Application.Notifications.MyNotifications;
using MesaServicios.Application.Notifications.Preferences;
using MesaServicios.WebApi.Common;

namespace MesaServicios.WebApi.Notifications;

internal static class MyNotificationEndpoints
{
    public static IEndpointRouteBuilder MapMyNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("My notifications").RequireAuthorization(Policies.SignedIn);

        group.MapGet("/notifications", async (bool? unreadOnly, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new ListMyNotificationsQuery(unreadOnly ?? false, page ?? 1, pageSize ?? Paging.DefaultPageSize), ct)))
            .WithSummary("My in-app notifications, newest first (paged; unreadOnly=true for the unread ones).")
            .Produces<PagedResult<NotificationItem>>();

        group.MapGet("/notifications/unread-count", async (ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new GetMyUnreadCountQuery(), ct)))
            .WithSummary("How many of my notifications are unread (for the bell).")
            .Produces<UnreadCount>();

        group.MapPost("/notifications/{id:guid}/read", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new MarkNotificationReadCommand(id), ct);
                return Results.NoContent();
            })
            .WithSummary("Mark one of my notifications as read.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/notifications/read-all", async (ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new MarkAllNotificationsReadCommand(), ct)))
            .WithSummary("Mark all my notifications as read.")
            .Produces<UnreadCount>();

        group.MapGet("/notification-preferences", async (ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(new GetMyNotificationPreferencesQuery(), ct)))
            .WithSummary("Which kinds of event I receive by e-mail. Locked kinds (security mails) are always sent.")
            .Produces<NotificationPreferences>();

        group.MapPut("/notification-preferences", async (UpdateMyNotificationPreferencesCommand command, ISender sender, CancellationToken ct) =>
                Results.Ok(await sender.Send(command, ct)))
            .WithSummary("Turn e-mail on or off per kind of event (in-app notifications always stay; security mails cannot be turned off).")
            .WithDescription("Example body: `{ \"items\": [ { \"kind\": \"ticket.follow_up\", \"email\": false }, { \"kind\": \"ticket.solved\", \"email\": true } ] }`")
            .Produces<NotificationPreferences>()
            .ProducesValidationProblem();

        return app;
    }
}
