using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Results;
using MesaServicios.Application.Common.Localization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace MesaServicios.WebApi.Common;

/// <summary>
/// Checks every JSON body before its endpoint binds it, against the body type the endpoint declares. Refused with
/// one 400 that lists every field's error: a member given twice (any case), a required member missing or null (a
/// constructor parameter without default that is a non-nullable value or reference), a member whose value does not
/// fit its type (an unknown enum name, an enum as a number or numeric string, a number for a text), and text with
/// control or bidirectional-override characters (NUL and C0/C1 controls except tab and line breaks, U+202A–U+202E,
/// U+2066–U+2069: refused, not stripped). When such an error is found, the body type's own validator (if it has one)
/// also runs on the rest, so the answer names every field at once. Bodies without such errors go on unchanged.
/// </summary>
internal static class JsonBodyCheck
{
    /// <summary>A body type's members, worked out once per type (reflection is too slow per request, and
    /// <see cref="NullabilityInfoContext"/> is not safe to share between threads).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, IReadOnlyDictionary<string, Member>> MembersByType = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> ValidatedTypes = new();

    public static WebApplication UseJsonBodyCheck(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var request = http.Request;
            var bodyType = http.GetEndpoint() is { } endpoint && request.HasJsonContentType() && request.ContentLength is null or > 0
                ? BodyType(endpoint)
                : null;
            if (bodyType is not null)
            {
                request.EnableBuffering();
                using var document = await JsonDocument.ParseAsync(request.Body, default, http.RequestAborted);
                request.Body.Position = 0;
                var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
                var (errors, emptyTexts) = await CheckAsync(bodyType, document.RootElement, options, http.RequestServices, http.RequestAborted);
                if (errors.Count > 0)
                {
                    throw new ValidationException(errors);
                }

                if (emptyTexts.Count > 0)
                {
                    // A required text left out reaches the command as "" (never null), so its validator names it in its own words.
                    var body = JsonNode.Parse(document.RootElement.GetRawText())!.AsObject();
                    foreach (var name in emptyTexts)
                    {
                        body[name] = string.Empty;
                    }

                    request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
                    request.ContentLength = request.Body.Length;
                }
            }

            await next(http);
        });
        return app;
    }

    private static Type? BodyType(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<JsonBodyAlternative>() is { } alternative)
        {
            return alternative.BodyType;
        }

        return endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
            .FirstOrDefault(a => a.RequestType is not null && a.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase)))
            ?.RequestType;
    }

    internal static async Task<(List<ValidationFailure> Errors, List<string> EmptyTexts)> CheckAsync(Type type, JsonElement root, JsonSerializerOptions options, IServiceProvider services, CancellationToken cancellationToken)
    {
        var errors = new List<ValidationFailure>();
        var emptyTexts = new List<string>();
        if (root.ValueKind != JsonValueKind.Object || IsSimple(type))
        {
            ScanText(root, string.Empty, errors);
            return (errors, emptyTexts);
        }

        var validated = HasValidator(type, services);

        var members = MembersByType.GetOrAdd(type, Members);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var failed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            var field = ProblemResponses.CamelCasePath(property.Name);
            if (!seen.TryAdd(property.Name, property.Name))
            {
                errors.Add(new ValidationFailure(field, Messages.Get("common.duplicate_member")));
                failed.Add(property.Name);
                continue;
            }

            var before = errors.Count;
            ScanText(property.Value, field, errors);
            if (errors.Count > before)
            {
                failed.Add(property.Name);
                continue;
            }

            if (!members.TryGetValue(property.Name, out var member))
            {
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                if (member.Required && member.Type == typeof(string) && !validated)
                {
                    emptyTexts.Add(property.Name);
                }
                else if (member.Required)
                {
                    errors.Add(new ValidationFailure(field, Messages.Get("common.required")));
                    failed.Add(property.Name);
                }

                continue;
            }

            try
            {
                _ = property.Value.Deserialize(member.Type, options);
            }
            catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or FormatException or OverflowException)
            {
                errors.Add(new ValidationFailure(field, Messages.Get("common.invalid_value")));
                failed.Add(property.Name);
            }
        }

        emptyTexts.AddRange(members.Where(m => m.Value.Required && !seen.ContainsKey(m.Key) && m.Value.Type == typeof(string) && !validated).Select(m => m.Value.Name));
        var missing = members.Where(m => m.Value.Required && !seen.ContainsKey(m.Key) && !(m.Value.Type == typeof(string) && !validated))
            .Select(m => new ValidationFailure(ProblemResponses.CamelCasePath(m.Value.Name), Messages.Get("common.required")))
            .ToList();
        if (errors.Count > 0 || missing.Count > 0)
        {
            // The validator's own words for a missing field when it has them ("El correo es obligatorio"), else ours.
            var fromValidator = (await ValidateTheRestAsync(type, root, failed, options, services, errors, cancellationToken)).ToList();
            errors.AddRange(fromValidator);
            errors.AddRange(missing.Where(m => fromValidator.All(v => !ProblemResponses.CamelCasePath(v.PropertyName).Equals(m.PropertyName, StringComparison.Ordinal))));
        }

        return (errors, emptyTexts);
    }

    /// <summary>Asked once per body type (the validators are registered at start-up): resolving them builds their rules.</summary>
    private static bool HasValidator(Type type, IServiceProvider services) =>
        ValidatedTypes.GetOrAdd(type, static (t, sp) =>
            sp.GetService(typeof(IEnumerable<>).MakeGenericType(typeof(IValidator<>).MakeGenericType(t))) is IEnumerable validators
            && validators.Cast<object>().Any(), services);

    /// <summary>The body type's validator on the members that did bind, so one answer names every field.</summary>
    private static async Task<IEnumerable<ValidationFailure>> ValidateTheRestAsync(
        Type type, JsonElement root, HashSet<string> failed, JsonSerializerOptions options, IServiceProvider services, List<ValidationFailure> known, CancellationToken cancellationToken)
    {
        if (services.GetService(typeof(IEnumerable<>).MakeGenericType(typeof(IValidator<>).MakeGenericType(type))) is not IEnumerable validators)
        {
            return [];
        }

        try
        {
            var rest = new JsonObject();
            foreach (var property in root.EnumerateObject().Where(p => !failed.Contains(p.Name)))
            {
                rest[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }

            var instance = rest.Deserialize(type, options);
            if (instance is null)
            {
                return [];
            }

            var context = (IValidationContext)Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(type), instance)!;
            var failures = new List<ValidationFailure>();
            foreach (IValidator validator in validators)
            {
                failures.AddRange((await validator.ValidateAsync(context, cancellationToken)).Errors);
            }

            return failures.Where(f => !failed.Contains(f.PropertyName) && known.All(k => !k.PropertyName.Equals(f.PropertyName, StringComparison.OrdinalIgnoreCase)));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A validator that cannot judge a partial body adds nothing: the errors found above still stand.
            return [];
        }
    }

    private sealed record Member(string Name, Type Type, bool Required);

    private static IReadOnlyDictionary<string, Member> Members(Type type)
    {
        var nullability = new NullabilityInfoContext();
        var members = new Dictionary<string, Member>(StringComparer.OrdinalIgnoreCase);
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        foreach (var parameter in constructor?.GetParameters() ?? [])
        {
            var required = !parameter.HasDefaultValue && !parameter.IsOptional && IsNonNullable(parameter, nullability);
            members[parameter.Name!] = new Member(parameter.Name!, parameter.ParameterType, required);
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || members.ContainsKey(p.Name)))
        {
            if (!members.ContainsKey(property.Name))
            {
                var required = property.GetCustomAttributes().Any(a => a.GetType().Name == "RequiredMemberAttribute");
                members[property.Name] = new Member(property.Name, property.PropertyType, required);
            }
        }

        return members;
    }

    private static bool IsNonNullable(ParameterInfo parameter, NullabilityInfoContext nullability)
    {
        var type = parameter.ParameterType;
        if (type.IsValueType)
        {
            return Nullable.GetUnderlyingType(type) is null;
        }

        return nullability.Create(parameter).WriteState == NullabilityState.NotNull;
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || typeof(IEnumerable).IsAssignableFrom(type);

    /// <summary>Every text value of the body (at any depth) is free of control and direction-override characters.</summary>
    private static void ScanText(JsonElement element, string path, List<ValidationFailure> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                if (HasForbiddenCharacters(element.GetString()!))
                {
                    errors.Add(new ValidationFailure(path.Length == 0 ? "body" : path, Messages.Get("common.control_characters")));
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    ScanText(property.Value, path.Length == 0 ? ProblemResponses.CamelCasePath(property.Name) : $"{path}.{ProblemResponses.CamelCasePath(property.Name)}", errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    ScanText(item, $"{path}[{index++}]", errors);
                }

                break;
        }
    }

    /// <summary>NUL and C0/C1 controls except tab, line feed and carriage return; bidirectional embeddings, overrides and isolates.</summary>
    internal static bool HasForbiddenCharacters(string text)
    {
        foreach (var c in text)
        {
            if ((c < 0x20 && c is not '\t' and not '\n' and not '\r') || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069'))
            {
                return true;
            }
        }

        return false;
    }
}
