using MesaServicios.Domain.Users;
using Riok.Mapperly.Abstractions;

namespace MesaServicios.Application.Users.DeskDirectory;

/// <summary>
/// A person as the desk sees them in the directory: enough to recognise them and to use their id (assign a ticket,
/// open one on their behalf, add them as observer); no phone, language, dates or account state.
/// </summary>
public sealed record DeskPerson(Guid Id, string FullName, string Email, string? Department, UserRole Role);

[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class DeskPersonMapper
{
    public static partial IQueryable<DeskPerson> ProjectToDeskPerson(this IQueryable<User> users);
}
