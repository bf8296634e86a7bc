using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace MesaServicios.WebApi.Common.OpenApi;

/// <summary>
/// What the published contract covers: the JSON API under <c>/api/</c>. Pages made for a browser (the e-mail
/// action links' HTML pages, the jobs dashboard's sign-in form) answer HTML only and are left out, so a
/// generated client has no method that cannot read its answer.
/// </summary>
internal static class ContractScope
{
    public static bool Includes(ApiDescription api)
    {
        if (api.RelativePath is not { } path || !path.StartsWith("api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var formats = api.SupportedResponseTypes.SelectMany(r => r.ApiResponseFormats).Select(f => f.MediaType).ToList();
        return formats.Count == 0 || !formats.All(f => f.StartsWith("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
