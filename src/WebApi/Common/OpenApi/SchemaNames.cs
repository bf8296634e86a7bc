using MesaServicios.Application.Common.Paging;

namespace MesaServicios.WebApi.Common.OpenApi;

/// <summary>
/// The rule that names every schema of the published contract: the type's own name, without namespace or
/// enclosing type (<c>TicketDetails</c>), a command taken as a body reads as a request
/// (<c>OpenTicketCommand</c> → <c>OpenTicketRequest</c>); a page of items is <c>{Item}Page</c> (<c>TicketListItemPage</c>); any
/// other generic puts its arguments first (<c>StringStringValuesKeyValuePair</c>). Two types that would get the
/// same name make Swagger refuse to build the document, and the contract test fails: rename one of them.
/// </summary>
internal static class SchemaNames
{
    public static string For(Type type)
    {
        if (type.IsArray)
        {
            return For(type.GetElementType()!) + "List";
        }

        if (!type.IsGenericType)
        {
            // A command taken as a body is, to the client, a request: the contract does not name our internals.
            return type.Name.EndsWith("Command", StringComparison.Ordinal) ? type.Name[..^"Command".Length] + "Request" : type.Name;
        }

        var definition = type.GetGenericTypeDefinition();
        var arguments = string.Concat(type.GetGenericArguments().Select(For));
        if (definition == typeof(PagedResult<>))
        {
            return arguments + "Page";
        }

        var name = definition.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return arguments + (tick < 0 ? name : name[..tick]);
    }
}
