using System.Text.Json;

namespace MesaServicios.WebApi.Common;

/// <summary>
/// The jobs dashboard's statistics route (/hangfire/stats) reads a posted form whatever the method; anything else
/// made it throw (500). It answers 405 with a problem instead, after authorization has run.
/// </summary>
internal static class HangfireDashboardGuard
{
    public static WebApplication UseHangfireDashboardGuard(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/hangfire/stats")
                && (!HttpMethods.IsPost(http.Request.Method) || !http.Request.HasFormContentType))
            {
                http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                http.Response.Headers.Allow = "POST";
                await http.Response.WriteAsJsonAsync(ProblemResponses.Build(http, 405, "common.bad_request"), (JsonSerializerOptions?)null, "application/problem+json");
                return;
            }

            await next(http);
        });
        return app;
    }
}
