namespace MesaServicios.WebApi.Common;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no framing (X-Frame-Options and CSP frame-ancestors), no referrer
/// leaving the site, and a Content-Security-Policy — for HTML pages (the built-in pages, the dashboard, Swagger UI)
/// scripts, styles, images and form targets of this origin only (inline styles allowed for Swagger UI and the jobs
/// dashboard, never inline or foreign scripts); for everything else nothing may load at all. Sign-in answers
/// (tokens) are never stored by caches. HSTS is sent in Production over HTTPS (UseHsts).
/// </summary>
internal static class SecurityHeaders
{
    public const string HtmlPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    public static WebApplication UseMesaSecurityHeaders(this WebApplication app)
    {
        if (app.Environment.IsProduction())
        {
            app.UseHsts();
        }

        app.Use((http, next) =>
        {
            http.Response.OnStarting(static state =>
            {
                var context = (HttpContext)state;
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                var isHtml = context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                headers.ContentSecurityPolicy = isHtml ? HtmlPolicy : ApiPolicy;
                if (context.Request.Path.StartsWithSegments("/api/v1/auth") || context.Request.Path.StartsWithSegments("/dashboard/sign-in"))
                {
                    headers.CacheControl = "no-store";
                    headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            }, http);
            return next(http);
        });
        return app;
    }
}
