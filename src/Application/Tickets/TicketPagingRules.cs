using FluentValidation;
using MesaServicios.Application.Common.Localization;
using MesaServicios.Application.Common.Paging;

namespace MesaServicios.Application.Tickets;

internal static class TicketPagingRules
{
    public static IRuleBuilderOptions<T, int> ValidPage<T>(this IRuleBuilder<T, int> rule) =>
        rule.GreaterThanOrEqualTo(1).WithMessage(_ => Messages.Get("tickets.page_invalid"));

    public static IRuleBuilderOptions<T, int> ValidPageSize<T>(this IRuleBuilder<T, int> rule) =>
        rule.InclusiveBetween(1, Paging.MaxPageSize).WithMessage(_ => Messages.Get("tickets.page_size_invalid", Paging.MaxPageSize));
}
