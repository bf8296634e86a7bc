using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace MesaServicios.WebApi.Common.OpenApi;

/// <summary>
/// The rule that gives every operation its <c>operationId</c>: <c>{module}_{name}</c> in snake case, where the
/// module is the WebApi folder of the endpoint (<c>Tickets</c> → <c>tickets</c>, <c>ServiceLevels</c> →
/// <c>service_levels</c>) and the name is, in order: the endpoint's name (<c>.WithName("approve")</c>), the name of
/// its handler method (<c>OpenAsync</c> → <c>open</c>), or one read from the route: an action is named by its words
/// after the module's own (<c>POST …/{id}/approve</c> → <c>approve</c>, <c>POST /auth/refresh</c> → <c>auth_refresh</c>), else <c>list</c>/<c>get</c>/<c>create</c>/<c>update</c>/<c>delete</c>
/// followed by the route's words after the module's own. A test checks that every operation has one and that
/// they are unique; give a clashing endpoint a name with <c>.WithName(…)</c>.
/// </summary>
internal static class OperationIds
{
    private const string ApiPrefix = "api/v1/";

    public static string For(ApiDescription api)
    {
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var handler = metadata.OfType<MethodInfo>().FirstOrDefault();
        var module = Module(handler?.DeclaringType);
        var explicitName = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        string name;
        if (!string.IsNullOrEmpty(explicitName))
        {
            name = SnakeCase(explicitName);
        }
        else if (handler is not null && !handler.Name.Contains('<', StringComparison.Ordinal))
        {
            name = SnakeCase(handler.Name.EndsWith("Async", StringComparison.Ordinal) ? handler.Name[..^5] : handler.Name);
        }
        else
        {
            name = FromRoute(api.HttpMethod ?? "GET", api.RelativePath ?? string.Empty, module);
        }

        return name.StartsWith(module + "_", StringComparison.Ordinal) ? name : $"{module}_{name}";
    }

    private static string Module(Type? declaring)
    {
        for (var type = declaring; type is not null; type = type.DeclaringType)
        {
            var ns = type.Namespace ?? string.Empty;
            const string root = "MesaServicios.WebApi.";
            if (ns.StartsWith(root, StringComparison.Ordinal))
            {
                return SnakeCase(ns[root.Length..].Split('.')[0]);
            }
        }

        return "api";
    }

    private static string FromRoute(string method, string route, string module)
    {
        var path = route.Split('?')[0].Trim('/');
        if (path.StartsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            path = path[ApiPrefix.Length..];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var endsWithParameter = segments.Length > 0 && segments[^1].StartsWith('{');
        var words = segments.Where(s => !s.StartsWith('{')).Select(SnakeCase).ToList();
        if (words.Count > 0 && (words[0] == module || words[0] == module.TrimEnd('s') || module.StartsWith(words[0], StringComparison.Ordinal)))
        {
            words.RemoveAt(0);
        }

        var upper = method.ToUpperInvariant();
        // An action (POST …/{id}/approve, POST /auth/refresh) is named by its words; POST to a collection creates.
        var isAction = upper == "POST" && !endsWithParameter && (words.Count > 1 || (segments.Length > 1 && segments[^2].StartsWith('{')));
        if (isAction)
        {
            return string.Join('_', words);
        }

        var verb = upper switch
        {
            "GET" => endsWithParameter ? "get" : "list",
            "POST" => "create",
            "PUT" or "PATCH" => "update",
            "DELETE" => "delete",
            _ => upper.ToLowerInvariant(),
        };
        return words.Count == 0 ? verb : verb + "_" + string.Join('_', words);
    }

    public static string SnakeCase(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '-' or ' ' or '.')
            {
                result.Append('_');
            }
            else if (char.IsUpper(c))
            {
                if (i > 0 && result.Length > 0 && result[^1] != '_' && (char.IsLower(text[i - 1]) || char.IsDigit(text[i - 1]) || (i + 1 < text.Length && char.IsLower(text[i + 1]))))
                {
                    result.Append('_');
                }

                result.Append(char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
