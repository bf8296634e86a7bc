using System.Reflection;
using NetArchTest.Rules;

namespace MesaServicios.Architecture.Tests;

/// <summary>
/// The house rules as functions of a set of types, so each rule runs on the product and, once, on a
/// deliberately bad fixture to prove it bites.
/// </summary>
internal static class ArchitectureRules
{
    public static readonly string[] Modules = ["Users", "Tickets", "Notifications", "Inbox", "Reservations", "Reporting", "HelpCenter", "ServiceLevels", "Audit"];

    public static readonly string[] Layers = ["Domain", "Application", "Infrastructure", "WebApi"];

    /// <summary>Domain types every module may share (small value types, not entities).</summary>
    public static readonly string[] SharedDomainTypes =
    [
        "MesaServicios.Domain.Users.UserRole",
        "MesaServicios.Domain.Users.Language",
        "MesaServicios.Domain.Tickets.TicketStatus",
        "MesaServicios.Domain.Tickets.TicketType",
        "MesaServicios.Domain.Tickets.Urgency",
        "MesaServicios.Domain.Tickets.Priority",
        "MesaServicios.Domain.Tickets.TicketSource",
    ];

    public static readonly Assembly DomainAssembly = typeof(MesaServicios.Domain.Common.Entity).Assembly;
    public static readonly Assembly ApplicationAssembly = typeof(MesaServicios.Application.DependencyInjection).Assembly;
    public static readonly Assembly InfrastructureAssembly = typeof(MesaServicios.Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly WebApiAssembly = typeof(Program).Assembly;
    public static readonly Assembly[] Product = [DomainAssembly, ApplicationAssembly, InfrastructureAssembly, WebApiAssembly];

    /// <summary>The domain depends on nothing of ours or of the frameworks: only the base class library.</summary>
    public static TestResult DomainIsPure(Types types, string domainNamespace) => types
        .That().ResideInNamespace(domainNamespace)
        .ShouldNot().HaveDependencyOnAny(
            "MesaServicios.Application", "MesaServicios.Infrastructure", "MesaServicios.WebApi",
            "Microsoft", "Mediator", "FluentValidation", "Hangfire", "Riok", "MailKit", "MimeKit", "Newtonsoft", "Swashbuckle", "Npgsql")
        .GetResult();

    /// <summary>
    /// Application knows no adapter: no Infrastructure, WebApi, EF Core provider, Hangfire, ASP.NET Core or mail
    /// transport. (MimeKit, a parser, is allowed: the Inbox classifies messages in Application — ADR 0009.)
    /// </summary>
    public static TestResult ApplicationHasNoAdapters(Types types, string applicationNamespace) => types
        .That().ResideInNamespace(applicationNamespace)
        .ShouldNot().HaveDependencyOnAny(
            "MesaServicios.Infrastructure", "MesaServicios.WebApi",
            "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite", "Npgsql", "Microsoft.EntityFrameworkCore.SqlServer",
            "Hangfire", "Microsoft.AspNetCore", "MailKit", "Swashbuckle")
        .GetResult();

    /// <summary>Endpoints translate HTTP to mediator messages; they never touch the DbContext or EF Core.</summary>
    public static TestResult EndpointsDoNotTouchTheDatabase(Types types, string webNamespace) => types
        .That().ResideInNamespace(webNamespace)
        .ShouldNot().HaveDependencyOnAny(
            "Microsoft.EntityFrameworkCore",
            "MesaServicios.Infrastructure.Common.Persistence",
            "MesaServicios.Application.Users.IUsersDbContext",
            "MesaServicios.Application.Tickets.ITicketsDbContext",
            "MesaServicios.Application.Notifications.INotificationsDbContext",
            "MesaServicios.Application.Inbox.IInboxDbContext",
            "MesaServicios.Application.Reservations.IReservationsDbContext")
        .GetResult();

    /// <summary>
    /// Code of <paramref name="module"/> (in <paramref name="namespacePrefix"/>) uses another module only through
    /// its Contracts: never its entities, DbContext interface, handlers or adapters.
    /// </summary>
    public static TestResult ModuleUsesOthersOnlyThroughContracts(Types types, string namespacePrefix, string module)
    {
        var forbidden = ForbiddenTypesFor(module);
        return types.That().ResideInNamespace(namespacePrefix).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
    }

    /// <summary>Full names of every type of the other modules that is not part of their Contracts.</summary>
    public static string[] ForbiddenTypesFor(string module) => Product
        .SelectMany(a => a.GetTypes())
        .Where(t => t.FullName is not null && t.Namespace is not null && !t.FullName.Contains('<', StringComparison.Ordinal))
        .Where(t => Modules.Where(m => m != module).Any(other => Layers.Any(layer =>
            t.Namespace == $"MesaServicios.{layer}.{other}" || t.Namespace!.StartsWith($"MesaServicios.{layer}.{other}.", StringComparison.Ordinal))))
        .Where(t => !t.Namespace!.Contains(".Contracts", StringComparison.Ordinal))
        .Where(t => !SharedDomainTypes.Contains(t.FullName))
        .Select(t => t.FullName!.Replace('+', '/'))
        .Distinct()
        .ToArray();

    /// <summary>
    /// The domain depends only on the base class library and on itself: no package, no other layer. Stricter than a
    /// list of forbidden names, so a new package cannot slip in (see <see cref="BaseClassLibraryOnly"/>).
    /// </summary>
    public static TestResult DomainUsesOnlyTheBaseClassLibrary(Types types, string domainNamespace) => types
        .That().ResideInNamespace(domainNamespace)
        .Should().MeetCustomRule(new BaseClassLibraryOnly())
        .GetResult();

    /// <summary>
    /// Common (in every layer) is what the modules share, so it knows none of them: a module plugs into Common
    /// through Common's own abstractions (observers, job registrations, DbContext partials), never the other way.
    /// </summary>
    /// <param name="exceptTypeNames">
    /// Names of types assembled from module parts on purpose: only <c>MesaDbContext</c>, whose module parts are
    /// partial files in each module's folder (ADR 0004); its own file in Common names no module. Its migrations
    /// (<c>Common.Persistence.Migrations</c>, generated from the whole model) belong with it and may call a module's
    /// hand-written SQL class.
    /// </param>
    /// <param name="productPrefix">The root namespace: every type in a <c>{productPrefix}.{Layer}.{Module}</c> namespace of
    /// <paramref name="assemblies"/> is out of bounds, except the <see cref="SharedDomainTypes"/>.</param>
    public static TestResult CommonKnowsNoModule(Types types, string commonNamespace, IEnumerable<Assembly> assemblies, string productPrefix, params string[] exceptTypeNames)
    {
        var moduleTypes = assemblies
            .SelectMany(a => a.GetTypes())
            .Where(t => t.FullName is not null && t.Namespace is not null && !t.FullName.Contains('<', StringComparison.Ordinal))
            .Where(t => Layers.Any(layer => Modules.Any(module =>
                t.Namespace == $"{productPrefix}.{layer}.{module}" || t.Namespace!.StartsWith($"{productPrefix}.{layer}.{module}.", StringComparison.Ordinal))))
            .Where(t => !SharedDomainTypes.Contains(t.FullName))
            .Select(t => t.FullName!.Replace('+', '/'))
            .Distinct()
            .ToArray();
        var common = types.That().ResideInNamespace(commonNamespace)
            .And().DoNotResideInNamespace($"{commonNamespace}.Persistence.Migrations");
        foreach (var name in exceptTypeNames)
        {
            common = common.And().DoNotHaveName(name);
        }

        return common.ShouldNot().HaveDependencyOnAny(moduleTypes).GetResult();
    }

    public static string Describe(TestResult result) =>
        result.IsSuccessful ? "ok" : "violations: " + string.Join(", ", result.FailingTypeNames ?? []);
}
