using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.Application.Common.Reference;

/// <summary>A text in both languages people read.</summary>
public sealed record LocalizedText(string Es, string En);

/// <summary>
/// One value of a reference set: its code as the API uses it (<c>VeryHigh</c>), its number where it has one (GLPI's
/// status codes, urgency levels), its label and, where the institution defines it, its definition.
/// </summary>
public sealed record ReferenceItem(string Code, int? Value, LocalizedText Label, LocalizedText? Definition = null);

/// <summary>A named list of values (e.g. <c>urgencies</c>).</summary>
public sealed record ReferenceSet(string Name, IReadOnlyList<ReferenceItem> Items);

/// <summary>
/// Each module contributes the reference sets it owns (Tickets: types, urgencies…; HelpCenter: categories…) by
/// implementing this in its Application folder; <c>GET /api/v1/reference</c> joins them. Implementations are found
/// and registered automatically: a new module adds one class.
/// </summary>
public interface IReferenceDataContributor
{
    IEnumerable<ReferenceSet> Sets();
}

/// <summary>
/// A module's reference sets that live in the database (e.g. the administrator-managed material types): read on each
/// request of the reference data, so a change shows at once and changes the ETag. Keep them small.
/// </summary>
public interface IAsyncReferenceDataContributor
{
    Task<IReadOnlyList<ReferenceSet>> SetsAsync(CancellationToken cancellationToken);
}

/// <summary>Builds the items of a reference set from an enum value (code = its name, value = its number).</summary>
public static class ReferenceItems
{
    public static ReferenceItem Of<T>(T value, string es, string en, string? definitionEs = null, string? definitionEn = null)
        where T : struct, Enum =>
        new(value.ToString(), Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture), new LocalizedText(es, en),
            definitionEs is null ? null : new LocalizedText(definitionEs, definitionEn ?? definitionEs));
}

public static class ReferenceDataRegistration
{
    /// <summary>
    /// Registers every <see cref="IReferenceDataContributor"/> of the assembly (singletons: the data is static) and every
    /// <see cref="IAsyncReferenceDataContributor"/> (scoped: it reads the database).
    /// </summary>
    public static IServiceCollection AddReferenceDataContributors(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            if (typeof(IReferenceDataContributor).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(IReferenceDataContributor), type);
            }

            if (typeof(IAsyncReferenceDataContributor).IsAssignableFrom(type))
            {
                services.AddScoped(typeof(IAsyncReferenceDataContributor), type);
            }
        }

        return services;
    }
}
