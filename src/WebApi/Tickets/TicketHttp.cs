using System.Globalization;
using MesaServicios.Application.Common;
using MesaServicios.Application.Tickets.GetTicket;

namespace MesaServicios.WebApi.Tickets;

/// <summary>ETag / If-Match for tickets: the ETag is the ticket's version in quotes (<c>"7"</c>).</summary>
internal static class TicketHttp
{
    /// <summary>The version the client expects (null without If-Match or with <c>*</c>); unreadable values never match (412).</summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        value = value.Trim().Trim('"');
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new ConcurrencyConflictException(preconditionFailed: true);
    }

    public static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static IResult Ok(HttpContext http, TicketDetails details)
    {
        http.Response.Headers.ETag = ETag(details.Version);
        return Results.Ok(AsOfNow(http, details));
    }

    /// <summary>The service-level state as it is now (the details were built as of the ticket's last change).</summary>
    private static TicketDetails AsOfNow(HttpContext http, TicketDetails details) =>
        details.ServiceLevel is { } sla
            ? details with { ServiceLevel = sla.At(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()) }
            : details;

    public static IResult Created(HttpContext http, TicketDetails details)
    {
        http.Response.Headers.ETag = ETag(details.Version);
        return Results.Created($"/api/v1/tickets/{details.Id}", AsOfNow(http, details));
    }
}

/// <summary>Body of <c>POST /tickets/{id}/follow-ups</c>.</summary>
/// <param name="Content">The message.</param>
/// <param name="IsPrivate">Private follow-ups are visible to the ICT office only (desk members only).</param>
public sealed record FollowUpRequest(string Content, bool IsPrivate = false);

/// <summary>Body of <c>POST /tickets/{id}/observers</c>: the user id or institutional e-mail.</summary>
public sealed record ObserverRequest(string User);

/// <summary>Body of <c>POST /tickets/{id}/approve</c> (optional).</summary>
public sealed record ApproveRequest(string? Comment);

/// <summary>Body of <c>POST /tickets/{id}/reject</c>.</summary>
public sealed record RejectRequest(string Reason);

/// <summary>Body of <c>POST /tickets/{id}/assign</c> and <c>/reassign</c>.</summary>
public sealed record AssignRequest(Guid TechnicianId);

/// <summary>Body of <c>POST /tickets/{id}/impact</c>.</summary>
public sealed record ImpactRequest(Domain.Tickets.Impact? Impact);

/// <summary>Body of <c>POST /tickets/{id}/category</c> (null clears it).</summary>
public sealed record CategoryRequest(int? CategoryId);

/// <summary>Body of <c>POST /tickets/{id}/pending</c>.</summary>
public sealed record PendingRequest(string Reason);

/// <summary>Body of <c>POST /tickets/{id}/solve</c>.</summary>
public sealed record SolveRequest(string Solution);
