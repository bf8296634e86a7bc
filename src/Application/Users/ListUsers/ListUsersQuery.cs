using FluentValidation;
using Mediator;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Paging;
using MesaServicios.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.Application.Users.ListUsers;

/// <summary>
/// Administrators browse accounts: text search over name, e-mail and department, filters by role and active,
/// sort by <c>name</c>, <c>email</c> or <c>createdAt</c> (prefix <c>-</c> for descending), pages of at most 100.
/// </summary>
public sealed record ListUsersQuery(
    string? Search = null,
    UserRole? Role = null,
    bool? Active = null,
    string? Sort = null,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IQuery<PagedResult<UserProfile>>;

internal sealed class ListUsersValidator : AbstractValidator<ListUsersQuery>
{
    private static readonly string[] Sorts = ["name", "-name", "email", "-email", "createdat", "-createdat"];

    public ListUsersValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage(_ => Messages.Get("users.page_invalid"));
        RuleFor(q => q.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
        RuleFor(q => q.Search).MaximumLength(100);
        RuleFor(q => q.Role).IsInEnum();
        RuleFor(q => q.Sort)
            .Must(s => s is null || Sorts.Contains(s.Trim().ToLowerInvariant()))
            .WithMessage(_ => Messages.Get("users.sort_invalid"));
    }
}

internal sealed class ListUsersQueryHandler(IUsersDbContext db) : IQueryHandler<ListUsersQuery, PagedResult<UserProfile>>
{
    public async ValueTask<PagedResult<UserProfile>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            users = users.Where(u => u.FullName.ToLower().Contains(term)
                || u.Email.Contains(term)
                || (u.Department != null && u.Department.ToLower().Contains(term)));
        }

        if (query.Role is { } role)
        {
            users = users.Where(u => u.Role == role);
        }

        if (query.Active is { } active)
        {
            users = users.Where(u => u.IsActive == active);
        }

        var total = await users.CountAsync(cancellationToken);
        var sorted = (query.Sort?.Trim().ToLowerInvariant() ?? "name") switch
        {
            "-name" => users.OrderByDescending(u => u.FullName).ThenByDescending(u => u.Id),
            "email" => users.OrderBy(u => u.Email),
            "-email" => users.OrderByDescending(u => u.Email),
            "createdat" => users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id),
            "-createdat" => users.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id),
            _ => users.OrderBy(u => u.FullName).ThenBy(u => u.Id),
        };
        var items = await sorted
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .ProjectToProfile()
            .ToListAsync(cancellationToken);
        return new PagedResult<UserProfile>(items, query.Page, query.PageSize, total);
    }
}
