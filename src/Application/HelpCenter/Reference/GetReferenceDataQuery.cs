using System.Security.Cryptography;
using System.Text.Json;
using Mediator;
using MesaServicios.Application.Common.Reference;

namespace MesaServicios.Application.HelpCenter.Reference;

/// <summary>
/// Every module's reference sets for front-ends (ticket types, urgencies, impacts, priorities, statuses, sources,
/// help categories…), each value with its Spanish and English label and the institution's definition where it has
/// one. Public and cacheable: <see cref="ReferenceData.ETag"/> changes only when the data does.
/// </summary>
public sealed record GetReferenceDataQuery : IQuery<ReferenceData>;

/// <summary>The sets by name, their JSON (camelCase) and its strong ETag.</summary>
public sealed record ReferenceData(IReadOnlyDictionary<string, IReadOnlyList<ReferenceItem>> Sets, string Json, string ETag);

/// <summary>The data is static for the life of the process: built once, on first use.</summary>
internal sealed class ReferenceDataCatalog(IEnumerable<IReferenceDataContributor> contributors)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private readonly Lazy<ReferenceData> _data = new(() => Build(contributors));

    public ReferenceData Data => _data.Value;

    private static ReferenceData Build(IEnumerable<IReferenceDataContributor> contributors)
    {
        var sets = contributors.SelectMany(c => c.Sets()).OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToDictionary(s => s.Name, s => s.Items, StringComparer.Ordinal);
        var json = JsonSerializer.Serialize(sets, Options);
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json));
        return new ReferenceData(sets, json, $"\"{Convert.ToHexStringLower(hash)[..32]}\"");
    }
}

internal sealed class GetReferenceDataHandler(ReferenceDataCatalog catalog) : IQueryHandler<GetReferenceDataQuery, ReferenceData>
{
    public ValueTask<ReferenceData> Handle(GetReferenceDataQuery query, CancellationToken cancellationToken) => ValueTask.FromResult(catalog.Data);
}
