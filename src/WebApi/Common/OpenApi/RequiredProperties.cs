using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MesaServicios.WebApi.Common.OpenApi;

/// <summary>
/// <c>required</c> as the API behaves. A body member is required when the server refuses a body without it: a
/// constructor parameter without default whose type is not nullable (the rule of <see cref="JsonBodyCheck"/>), or a
/// C# <c>required</c> member. Nullability comes from the C# annotations (Swashbuckle's non-nullable reference types).
/// </summary>
internal sealed class RequestRequiredSchemaFilter : ISchemaFilter
{
    private static readonly NullabilityInfoContext Nullability = new();
    private static readonly Lock Gate = new();

    /// <summary>Members left out of an answer when null or default (<c>[JsonIgnore(Condition = WhenWriting…)]</c>, as in
    /// <c>ProblemDetails</c>), by schema: never required in an answer.</summary>
    public static readonly System.Runtime.CompilerServices.ConditionalWeakTable<OpenApiSchema, HashSet<string>> Omittable = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } target || context.Type.IsPrimitive || context.Type.IsEnum)
        {
            return;
        }

        var omittable = context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.WhenWritingNull or JsonIgnoreCondition.WhenWritingDefault })
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToHashSet(StringComparer.Ordinal);
        if (omittable.Count > 0)
        {
            Omittable.AddOrUpdate(target, omittable);
        }

        var constructor = context.Type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var parameters = (constructor?.GetParameters() ?? []).ToDictionary(p => p.Name ?? string.Empty, StringComparer.OrdinalIgnoreCase);
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.Always })
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!target.Properties.ContainsKey(name))
            {
                continue;
            }

            var requiredMember = property.GetCustomAttribute<System.Runtime.CompilerServices.RequiredMemberAttribute>() is not null;
            var fromConstructor = parameters.TryGetValue(property.Name, out var parameter) && !parameter.HasDefaultValue && !IsNullable(parameter);
            if (requiredMember || fromConstructor)
            {
                target.Required ??= new HashSet<string>();
                target.Required.Add(name);
            }
        }
    }

    private static bool IsNullable(ParameterInfo parameter)
    {
        if (parameter.ParameterType.IsValueType)
        {
            return Nullable.GetUnderlyingType(parameter.ParameterType) is not null;
        }

        lock (Gate)
        {
            return Nullability.Create(parameter).WriteState != NullabilityState.NotNull;
        }
    }
}

/// <summary>
/// Every member of an answer is always written (null included: the JSON options never omit a member), so every
/// property of a schema reachable from a response is <c>required</c>; whether it may be null is its nullability.
/// The exception is a member the type itself leaves out when null (the optional members of a problem response).
/// </summary>
internal sealed class ResponsesRequiredDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null || document.Paths is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<IOpenApiSchema>();
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var response in operation.Responses?.Values.AsEnumerable() ?? [])
            {
                foreach (var media in response.Content?.Values.AsEnumerable() ?? [])
                {
                    if (media.Schema is not null)
                    {
                        pending.Push(media.Schema);
                    }
                }
            }
        }

        while (pending.Count > 0)
        {
            var schema = pending.Pop();
            if (schema is OpenApiSchemaReference reference)
            {
                var id = reference.Reference.Id;
                if (id is not null && seen.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    pending.Push(target);
                }

                continue;
            }

            if (schema is not OpenApiSchema concrete)
            {
                continue;
            }

            if (concrete.Properties is { Count: > 0 })
            {
                concrete.Required ??= new HashSet<string>();
                var omittable = RequestRequiredSchemaFilter.Omittable.TryGetValue(concrete, out var names) ? names : [];
                foreach (var (name, property) in concrete.Properties)
                {
                    if (!omittable.Contains(name))
                    {
                        concrete.Required.Add(name);
                    }

                    pending.Push(property);
                }
            }

            foreach (var inner in (concrete.AllOf ?? []).Concat(concrete.OneOf ?? []).Concat(concrete.AnyOf ?? []))
            {
                pending.Push(inner);
            }

            if (concrete.Items is not null)
            {
                pending.Push(concrete.Items);
            }

            if (concrete.AdditionalProperties is not null)
            {
                pending.Push(concrete.AdditionalProperties);
            }
        }
    }
}
