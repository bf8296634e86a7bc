using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.DeskDirectory;

/// <summary>
/// The desk looks a person up by part of the name or of the e-mail address (case-insensitive), e.g. to open a
/// ticket for someone who called: active accounts only, those whose name or address starts with the text first,
/// at most <see cref="Limit"/> of them.
/// </summary>
public sealed record FindPeopleQuery(string? Search, int Limit = FindPeopleQuery.DefaultLimit) : IQuery<IReadOnlyList<DeskPerson>>
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
}

internal sealed class FindPeopleValidator : AbstractValidator<FindPeopleQuery>
{
    public FindPeopleValidator()
    {
        RuleFor(q => q.Search)
            .Must(s => s is not null && s.Trim().Length >= 2)
            .WithMessage(_ => Messages.Get("users.directory_search_required"))
            .MaximumLength(100);
        RuleFor(q => q.Limit).InclusiveBetween(1, FindPeopleQuery.MaxLimit)
            .WithMessage(_ => Messages.Get("users.directory_limit_invalid", FindPeopleQuery.MaxLimit));
    }
}

internal sealed class FindPeopleQueryHandler(IUsersDbContext db) : IQueryHandler<FindPeopleQuery, IReadOnlyList<DeskPerson>>
{
    public async ValueTask<IReadOnlyList<DeskPerson>> Handle(FindPeopleQuery query, CancellationToken cancellationToken)
    {
        var term = query.Search!.Trim().ToLower();
        return await db.Users.AsNoTracking()
            .Where(u => u.IsActive && (u.FullName.ToLower().Contains(term) || u.Email.Contains(term)))
            .OrderBy(u => u.FullName.ToLower().StartsWith(term) || u.Email.StartsWith(term) ? 0 : 1)
            .ThenBy(u => u.FullName).ThenBy(u => u.Id)
            .Take(query.Limit)
            .ProjectToDeskPerson()
            .ToListAsync(cancellationToken);
    }
}
