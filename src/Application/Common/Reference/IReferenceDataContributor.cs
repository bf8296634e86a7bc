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

public static class ReferenceDataRegistration
{
    /// <summary>Registers every <see cref="IReferenceDataContributor"/> of the assembly (singletons: the data is static).</summary>
    public static IServiceCollection AddReferenceDataContributors(this IServiceCollection services, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IReferenceDataContributor).IsAssignableFrom(t)))
        {
            services.AddSingleton(typeof(IReferenceDataContributor), type);
        }

        return services;
    }
}
