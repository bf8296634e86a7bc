using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MesaServicios.WebApi.Common.OpenApi;

/// <summary>
/// The request example of an endpoint is the JSON object that follows the words <c>Example body</c> in its
/// description (inline in backticks or in a fenced block), so the reader of Swagger UI and a generated client see
/// the same example. It is set on the JSON bodies of the operation (on a form body when there is no JSON one); a test fails on a body without one.
/// </summary>
internal sealed class RequestExampleOperationFilter : IOperationFilter
{
    public const string Marker = "Example body";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody?.Content is not { Count: > 0 } content || Find(operation.Description) is not { } example)
        {
            return;
        }

        // The example is written with the JSON member names; a form body gets it only when it is the only way in.
        var hasJson = content.Keys.Any(IsJson);
        foreach (var (mediaType, media) in content)
        {
            if (media is OpenApiMediaType concrete && (IsJson(mediaType) || (!hasJson && mediaType == "application/x-www-form-urlencoded")))
            {
                concrete.Example = example.DeepClone();
            }
        }
    }

    public static bool IsJson(string mediaType) => mediaType.Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first JSON object after the marker, or null.</summary>
    public static JsonNode? Find(string? description)
    {
        var at = description?.IndexOf(Marker, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (description is null || at < 0)
        {
            return null;
        }

        var start = description.IndexOf('{', at);
        if (start < 0)
        {
            return null;
        }

        var depth = 0;
        var inString = false;
        for (var i = start; i < description.Length; i++)
        {
            var c = description[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                try
                {
                    return JsonNode.Parse(description[start..(i + 1)]);
                }
                catch (JsonException)
                {
                    return null;
                }
            }
        }

        return null;
    }
}
