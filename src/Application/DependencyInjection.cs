using FluentValidation;
using MesaServicios.Application.Common.Events;
using MesaServicios.Application.Common.Reference;
using MesaServicios.Application.Inbox;
using MesaServicios.Application.Inbox.Ingest;
using MesaServicios.Application.Notifications;
using MesaServicios.Application.Notifications.Contracts;
using MesaServicios.Application.Notifications.Links;
using MesaServicios.Application.Notifications.Matrix;
using MesaServicios.Application.Notifications.Ticketing;
using MesaServicios.Application.Users.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace MesaServicios.Application;

public static class DependencyInjection
{
    /// <summary>Validators, domain-event handlers and module services. The mediator itself is generated in the host.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddScoped<DomainEventDispatcher>();
        services.AddSingleton<Common.Caching.ReferenceCache>();
        RegisterDomainEventHandlers(services, assembly);

        services.AddScoped<SessionTokens>();
        services.AddScoped<Users.Emails.AccountInvitations>();
        services.AddScoped<Common.MailLinks>();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddScoped<RecipientResolver>();
        services.AddScoped<TicketNotifier>();
        services.AddScoped<Tickets.Contracts.ITicketsModule, Tickets.TicketsModule>();
        services.AddScoped<IInboxReplies, InboxReplies>();
        services.AddSingleton<ServiceLevels.ServiceLevelCache>();
        services.AddScoped<ServiceLevels.Contracts.IServiceLevelCatalog, ServiceLevels.ServiceLevelCatalog>();
        services.AddReferenceDataContributors(assembly);
        services.AddSingleton<HelpCenter.Reference.ReferenceDataCatalog>();
        services.AddScoped<HelpCenter.HelpArticleWriting>();
        services.AddScoped<HelpCenter.SearchHelpArticles.HelpArticleFinder>();
        services.AddScoped<Reservations.Contracts.IReservationsFacade, Reservations.ReservationsFacade>();
        services.AddScoped<Audit.Contracts.IAuditLog, Audit.AuditLog>();
        services.AddScoped<Reporting.ReportScopes>();
        return services;
    }

    private static void RegisterDomainEventHandlers(IServiceCollection services, System.Reflection.Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>)))
            {
                services.AddScoped(contract, type);
            }
        }
    }
}
