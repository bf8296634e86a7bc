using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets;
using Microsoft.Data.Sqlite;

namespace MesaServicios.WebApi.Tests.Hardening;

/// <summary>
/// Walks the OpenAPI document and sends every operation that takes a JSON body malformed, mistyped, unsafe and
/// incomplete bodies as an administrator: never a 5xx, and a refused body changes nothing in the database.
/// </summary>
public sealed class OpenApiBadBodiesTests : IClassFixture<MesaApiFactory>
{
    // Written by design on refused input: failed sign-ins are audited and counted per address.
    private static readonly HashSet<string> Unwatched = ["AuditEntries", "UnknownAccountSignIns", "AccountCredentials"];

    private readonly MesaApiFactory _factory;

    public OpenApiBadBodiesTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task EveryOperation_WithBadBodies_AnswersBelow500_AndChangesNothing()
    {
        var admin = await _factory.AdminAsync();
        var requester = await _factory.CreateUserAsync(UserRole.Requester);
        var ticketId = await TicketApi.OpenIdAsync(requester);
        var document = JsonNode.Parse(await (await admin.Client.GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync())!;
        var schemas = document["components"]!["schemas"]!.AsObject();
        var failures = new List<string>();
        var operations = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var content = operation!["requestBody"]?["content"]?.AsObject();
                var json = content?.FirstOrDefault(c => c.Key.Contains("json", StringComparison.Ordinal)).Value;
                if (json is null)
                {
                    continue;
                }

                operations++;
                var url = path.Replace("{id}", path.StartsWith("/api/v1/users", StringComparison.Ordinal) ? requester.Id.ToString() : ticketId.ToString(), StringComparison.Ordinal)
                    .Replace("{userId}", requester.Id.ToString(), StringComparison.Ordinal)
                    .Replace("{token}", "no-es-un-enlace", StringComparison.Ordinal);
                if (url.StartsWith("/api/v1/inbox/triage/", StringComparison.Ordinal))
                {
                    url = url.Replace(ticketId.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal);
                }

                var schema = Resolve(json["schema"], schemas);
                foreach (var (kind, body) in Bodies(schema, schemas))
                {
                    var before = await SnapshotAsync();
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url)
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    };
                    var response = await admin.Client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        failures.Add($"{method.ToUpperInvariant()} {path} {kind}: {status} {await response.Content.ReadAsStringAsync()}");
                    }
                    else if (status >= 400 && before != await SnapshotAsync())
                    {
                        failures.Add($"{method.ToUpperInvariant()} {path} {kind}: {status} but the database changed");
                    }
                    else if (kind != "incomplete" && status < 400)
                    {
                        failures.Add($"{method.ToUpperInvariant()} {path} {kind}: accepted with {status}");
                    }
                }
            }
        }

        Assert.True(operations > 15, $"only {operations} operations with a JSON body found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static IEnumerable<(string Kind, string Body)> Bodies(JsonNode? schema, JsonObject schemas)
    {
        yield return ("broken", "{\"a\":");
        yield return ("array", "[1,2]");
        yield return ("incomplete", "{}");
        var properties = schema?["properties"]?.AsObject();
        if (properties is null || properties.Count == 0)
        {
            yield break;
        }

        var mistyped = new JsonObject();
        var unsafeText = new JsonObject();
        foreach (var (name, property) in properties)
        {
            var resolved = Resolve(property, schemas);
            mistyped[name] = Wrong(resolved);
            if (Type(resolved) == "string" && resolved?["enum"] is null && resolved?["format"] is null)
            {
                unsafeText[name] = "texto\u202E\u0000";
            }
        }

        yield return ("mistyped", mistyped.ToJsonString());
        if (unsafeText.Count > 0)
        {
            yield return ("control-characters", unsafeText.ToJsonString());
        }
    }

    private static JsonNode Wrong(JsonNode? schema) => Type(schema) switch
    {
        "string" when schema?["enum"] is not null => "NoExisteEsteValor",
        "string" => new JsonObject { ["no"] = "texto" },
        "integer" or "number" => "no-es-un-numero",
        "boolean" => "quizas",
        "array" => new JsonObject { ["no"] = 1 },
        _ => 12345,
    };

    private static string? Type(JsonNode? schema)
    {
        var type = schema?["type"];
        return type switch
        {
            JsonArray many => many.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null"),
            JsonValue one => one.GetValue<string>(),
            _ => schema?["enum"] is not null ? "string" : null,
        };
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonObject schemas)
    {
        for (var i = 0; i < 5 && schema?["$ref"]?.GetValue<string>() is { } reference; i++)
        {
            schema = schemas[reference.Split('/').Last()];
        }

        if (schema?["allOf"] is JsonArray all && all.Count == 1)
        {
            return Resolve(all[0], schemas);
        }

        if (schema?["oneOf"] is JsonArray one && one.Count > 0)
        {
            return Resolve(one[0], schemas);
        }

        return schema;
    }

    /// <summary>A digest of every watched table's rows.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_factory.DataDirectory, "mesa.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var table in tables.Where(t => !Unwatched.Contains(t)))
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            hash.AppendData(Encoding.UTF8.GetBytes(table));
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) + "|"));
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
