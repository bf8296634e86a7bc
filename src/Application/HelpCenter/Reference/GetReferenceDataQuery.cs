using System.Security.Cryptography;
using System.Text.Json;
using Mediator;
using MesaServicios.Application.Common.Reference;

namespace MesaServicios.Application.HelpCenter.Reference;

/// <summary>
/// Every module's reference sets for front-ends (ticket types, urgencies, impacts, priorities, statuses, sources,
/// help categories…), each value with its Spanish and English label and the institution's definition where it has
/// one, and the administrator-managed lists (material types). Public and cacheable: <see cref="ReferenceData.ETag"/>
/// changes only when the data does.
/// </summary>
public sealed record GetReferenceDataQuery : IQuery<ReferenceData>;

/// <summary>The sets by name, their JSON (camelCase) and its strong ETag.</summary>
public sealed record ReferenceData(IReadOnlyDictionary<string, IReadOnlyList<ReferenceItem>> Sets, string Json, string ETag);

/// <summary>
/// The static sets are built once, on first use; the sets kept in the database (<see cref="IAsyncReferenceDataContributor"/>)
/// are read on every request and joined to them. The joined document is rebuilt only when those change.
/// </summary>
internal sealed class ReferenceDataCatalog(IEnumerable<IReferenceDataContributor> contributors)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private readonly Lazy<IReadOnlyList<ReferenceSet>> _static = new(() => contributors.SelectMany(c => c.Sets()).ToList());

    // One reference, swapped whole: concurrent requests never see a key with another key's data.
    private Cached? _last;

    public ReferenceData With(IReadOnlyList<ReferenceSet> stored)
    {
        var key = JsonSerializer.Serialize(stored, Options);
        if (_last is { } cached && cached.Key == key)
        {
            return cached.Data;
        }

        var data = Build(_static.Value.Concat(stored));
        _last = new Cached(key, data);
        return data;
    }

    private sealed record Cached(string Key, ReferenceData Data);

    private static ReferenceData Build(IEnumerable<ReferenceSet> all)
    {
        var sets = all.OrderBy(s => s.Name, StringComparer.Ordinal).ToDictionary(s => s.Name, s => s.Items, StringComparer.Ordinal);
        var json = JsonSerializer.Serialize(sets, Options);
        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json));
        return new ReferenceData(sets, json, $"\"{Convert.ToHexStringLower(hash)[..32]}\"");
    }
}

internal sealed class GetReferenceDataHandler(ReferenceDataCatalog catalog, IEnumerable<IAsyncReferenceDataContributor> stored)
    : IQueryHandler<GetReferenceDataQuery, ReferenceData>
{
    public async ValueTask<ReferenceData> Handle(GetReferenceDataQuery query, CancellationToken cancellationToken)
    {
        var sets = new List<ReferenceSet>();
        foreach (var contributor in stored)
        {
            sets.AddRange(await contributor.SetsAsync(cancellationToken));
        }

        return catalog.With(sets.OrderBy(s => s.Name, StringComparer.Ordinal).ToList());
    }
}
