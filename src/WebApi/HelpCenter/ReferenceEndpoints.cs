using Mediator;
using MesaServicios.Application.Common.Reference;
using MesaServicios.Application.HelpCenter.Reference;
using Microsoft.Net.Http.Headers;

namespace MesaServicios.WebApi.HelpCenter;

internal static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reference", async (HttpContext http, ISender sender, CancellationToken ct) =>
            {
                var data = await sender.Send(new GetReferenceDataQuery(), ct);
                http.Response.Headers.ETag = data.ETag;
                http.Response.Headers.CacheControl = "public, no-cache"; // revalidate: material types change at any time
                http.Response.Headers.Vary = HeaderNames.AcceptEncoding;
                var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
                if (ifNoneMatch.Length > 0 && (ifNoneMatch.Trim() == "*" || ifNoneMatch.Split(',').Any(tag => Strip(tag) == data.ETag)))
                {
                    return Results.StatusCode(StatusCodes.Status304NotModified);
                }

                return Results.Text(data.Json, "application/json; charset=utf-8");
            })
            .AllowAnonymous()
            .WithTags("Reference data")
            .WithSummary("Every list a front-end needs (ticket types, urgencies, impacts, priorities, statuses with GLPI's codes, sources, material types, reservation states, help categories…), each value with its Spanish and English label and the institution's definition where it has one. Public; send If-None-Match with the ETag to get 304.")
            .Produces<IReadOnlyDictionary<string, IReadOnlyList<ReferenceItem>>>()
            .Produces(StatusCodes.Status304NotModified);
        return app;
    }

    private static string Strip(string tag)
    {
        var trimmed = tag.Trim();
        return trimmed.StartsWith("W/", StringComparison.Ordinal) ? trimmed[2..] : trimmed;
    }
}
