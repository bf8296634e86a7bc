using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MesaServicios.WebApi.Common.OpenApi;
using MesaServicios.WebApi.Tests.Support;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MesaServicios.WebApi.Tests.Common.OpenApi;

/// <summary>
/// The rules every route follows in the published contract, checked on the whole document so that a route added
/// later is held to them too: clean schema names, an operationId on every operation, required and nullable as the
/// API behaves, enums as strings, an example for every request body, no internal command names.
/// </summary>
public sealed partial class OpenApiConventionsTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public OpenApiConventionsTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task SchemaNames_AreBareTypeNames_PagesAreNamedAfterTheirItems()
    {
        var schemas = (await OpenApiDocument.FetchAsync(_factory))["components"]!["schemas"]!.AsObject();

        Assert.All(schemas.Select(s => s.Key), name => Assert.Matches(BareName(), name));
        Assert.Contains("TicketDetails", schemas.Select(s => s.Key));
        var page = schemas["TicketListItemPage"]!;
        Assert.Equal("#/components/schemas/TicketListItem", page["properties"]!["items"]!["items"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task SchemaNames_NoRequestBodyIsNamedAfterAnInternalCommandOrQuery()
    {
        var schemas = (await OpenApiDocument.FetchAsync(_factory))["components"]!["schemas"]!.AsObject();

        Assert.DoesNotContain(schemas, s => s.Key.EndsWith("Command", StringComparison.Ordinal) || s.Key.EndsWith("Query", StringComparison.Ordinal));
        Assert.Contains("OpenTicketRequest", schemas.Select(s => s.Key));
    }

    [Fact]
    public void SchemaNames_TwoTypesWithOneName_AreRefused()
    {
        var generator = new SchemaGenerator(
            new SchemaGeneratorOptions { SchemaIdSelector = SchemaNames.For },
            new JsonSerializerDataContractResolver(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        var repository = new SchemaRepository();
        generator.GenerateSchema(typeof(CollisionA.Widget), repository);

        var refused = Assert.Throws<InvalidOperationException>(() => generator.GenerateSchema(typeof(CollisionB.Widget), repository));
        Assert.Contains("Widget", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperationIds_EveryOperationHasOne_UniqueAndSnakeCase_ModuleFirst()
    {
        var operations = OpenApiDocument.Operations(await OpenApiDocument.FetchAsync(_factory)).ToList();

        Assert.All(operations, op => Assert.True(
            op.Operation["operationId"]?.GetValue<string>() is { } id && OperationId().IsMatch(id),
            $"{op.Route} has no snake_case operationId ({op.Operation["operationId"]})"));
        var duplicates = operations.GroupBy(op => op.Operation["operationId"]!.GetValue<string>()).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(op => op.Route))}").ToList();
        Assert.True(duplicates.Count == 0, "Duplicate operationIds (give one endpoint .WithName(\"…\")): " + string.Join("; ", duplicates));
        var ids = operations.ToDictionary(op => op.Route, op => op.Operation["operationId"]!.GetValue<string>());
        Assert.Equal("tickets_open", ids["POST /api/v1/tickets"]);
        Assert.Equal("tickets_approve", ids["POST /api/v1/tickets/{id}/approve"]);
        Assert.Equal("reservations_book", ids["POST /api/v1/reservations"]);
    }

    [Fact]
    public async Task Responses_EveryPropertyIsRequired_NullableOnlyWhereNullIsPossible()
    {
        var document = await OpenApiDocument.FetchAsync(_factory);
        var schemas = document["components"]!["schemas"]!.AsObject();

        // ProblemDetails leaves out its optional members when null (RFC 9457): only status, and our code, are always there.
        foreach (var name in ResponseSchemas(document).Where(n => !n.EndsWith("ProblemDetails", StringComparison.Ordinal)))
        {
            var schema = schemas[name]!.AsObject();
            var properties = schema["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
            var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
            Assert.True(properties.SetEquals(required), $"{name}: not required: {string.Join(", ", properties.Except(required))}");
        }

        var ticket = schemas["TicketDetails"]!["properties"]!;
        Assert.True(IsNullable(ticket["assignedTechnician"]!), "a ticket may have no technician");
        Assert.True(IsNullable(ticket["solvedAt"]!), "an open ticket has no solution date");
        Assert.False(IsNullable(ticket["title"]!), "a ticket always has a title");
        Assert.False(IsNullable(ticket["requester"]!), "a ticket always has a requester");
        Assert.False(IsNullable(ticket["createdAt"]!));
    }

    [Fact]
    public async Task Requests_RequiredAreTheMembersTheServerRefusesToGoWithout()
    {
        var schemas = (await OpenApiDocument.FetchAsync(_factory))["components"]!["schemas"]!;

        var open = schemas["OpenTicketRequest"]!;
        Assert.Equal(["description", "title"], open["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.True(IsNullable(open["properties"]!["categoryId"]!));
        Assert.False(IsNullable(open["properties"]!["title"]!));
    }

    [Fact]
    public async Task Enums_AreStrings_WithTheirValuesListed()
    {
        var schemas = (await OpenApiDocument.FetchAsync(_factory))["components"]!["schemas"]!.AsObject();

        var enums = schemas.Where(s => s.Value!["enum"] is not null).ToList();
        Assert.NotEmpty(enums);
        Assert.All(enums, e =>
        {
            Assert.Equal("string", e.Value!["type"]!.GetValue<string>());
            Assert.All(e.Value["enum"]!.AsArray(), v => Assert.Equal(JsonValueKind.String, v!.GetValueKind()));
        });
        Assert.Equal(["New", "InProgress", "Pending", "Solved", "Closed"], schemas["TicketStatus"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task RequestBodies_EveryJsonOrFormBody_HasAnExampleThatFitsItsSchema()
    {
        var document = await OpenApiDocument.FetchAsync(_factory);
        var schemas = document["components"]!["schemas"]!.AsObject();
        var missing = new List<string>();
        var checkedBodies = 0;

        foreach (var (route, operation) in OpenApiDocument.Operations(document))
        {
            if (operation["requestBody"]?["content"]?.AsObject() is not { } content)
            {
                continue;
            }

            var bodies = content.Where(c => c.Key.Contains("json", StringComparison.Ordinal) || c.Key == "application/x-www-form-urlencoded").ToList();
            if (bodies.Count == 0)
            {
                continue; // a file upload (multipart only): its example is the file itself
            }

            if (!bodies.Any(b => b.Value!["example"] is not null))
            {
                missing.Add(route);
                continue;
            }

            foreach (var (_, media) in bodies.Where(b => b.Value!["example"] is not null))
            {
                checkedBodies++;
                var example = media!["example"]!.AsObject();
                var schemaRef = media["schema"]?["$ref"]?.GetValue<string>();
                if (schemaRef is null)
                {
                    continue;
                }

                var schema = schemas[schemaRef.Split('/')[^1]]!;
                var known = schema["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
                Assert.True(example.All(m => known.Contains(m.Key)), $"{route}: the example has members the body does not: {string.Join(", ", example.Select(m => m.Key).Where(k => !known.Contains(k)))}");
                var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [];
                Assert.True(required.All(example.ContainsKey), $"{route}: the example leaves out required members: {string.Join(", ", required.Where(r => !example.ContainsKey(r)))}");
            }
        }

        Assert.True(missing.Count == 0, $"Request bodies without an example (write `{RequestExampleOperationFilter.Marker}: {{ … }}` in the endpoint's description): {string.Join(", ", missing)}");
        Assert.True(checkedBodies > 30, $"only {checkedBodies} examples found");
    }

    [Fact]
    public async Task Contract_LeavesOutHtmlPages_AndCoversTheJsonApi()
    {
        var routes = OpenApiDocument.Operations(await OpenApiDocument.FetchAsync(_factory)).Select(op => op.Route).ToList();

        Assert.DoesNotContain(routes, r => r.Contains("/dashboard/", StringComparison.Ordinal) || r.Contains("/notifications/links/", StringComparison.Ordinal));
        Assert.Contains("GET /api/v1/me", routes);
        Assert.All(routes, r => Assert.Contains(" /api/v1/", r, StringComparison.Ordinal));
    }

    private static class CollisionA
    {
        public sealed record Widget(string Name);
    }

    private static class CollisionB
    {
        public sealed record Widget(int Size);
    }

    private static bool IsNullable(JsonNode property) => property["nullable"]?.GetValue<bool>() == true;

    /// <summary>Names of the schemas an answer can contain (followed through references, arrays and compositions).</summary>
    private static HashSet<string> ResponseSchemas(JsonNode document)
    {
        var schemas = document["components"]!["schemas"]!.AsObject();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode>(OpenApiDocument.Operations(document)
            .SelectMany(op => op.Operation["responses"]?.AsObject().Select(r => r.Value) ?? [])
            .SelectMany(r => r?["content"]?.AsObject().Select(c => c.Value?["schema"]) ?? [])
            .OfType<JsonNode>());
        while (pending.TryPop(out var node))
        {
            if (node is JsonObject obj)
            {
                if (obj["$ref"]?.GetValue<string>() is { } reference)
                {
                    var name = reference.Split('/')[^1];
                    if (found.Add(name))
                    {
                        pending.Push(schemas[name]!);
                    }
                }

                foreach (var child in obj.Where(p => p.Key is not "example" and not "enum").Select(p => p.Value).OfType<JsonNode>())
                {
                    pending.Push(child);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array.OfType<JsonNode>())
                {
                    pending.Push(child);
                }
            }
        }

        return found;
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex BareName();

    [GeneratedRegex("^[a-z]+(_[a-z0-9]+)+$")]
    private static partial Regex OperationId();
}
