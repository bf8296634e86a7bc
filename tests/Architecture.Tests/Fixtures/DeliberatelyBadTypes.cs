// Types that break the house rules on purpose. They live only in this test assembly: each rule is run
// against them once to prove it rejects what it should.
#pragma warning disable CA1812 // never instantiated: only inspected
#pragma warning disable CA1822

namespace MesaServicios.Architecture.Tests.Fixtures.BadDomain
{
    internal sealed class EntityThatKnowsEfCore
    {
        public Type Store() => typeof(Microsoft.EntityFrameworkCore.DbContext);
    }
}

namespace MesaServicios.Architecture.Tests.Fixtures.BadApplication
{
    internal sealed class HandlerThatEnqueuesHangfireJobs
    {
        public string Name(Hangfire.IBackgroundJobClient client) => client.GetType().Name;
    }
}

namespace MesaServicios.Architecture.Tests.Fixtures.BadWebApi
{
    internal sealed class EndpointThatQueriesTheDatabase
    {
        public int Count(MesaServicios.Infrastructure.Common.Persistence.MesaDbContext db) => db.ChangeTracker.Entries().Count();
    }
}

namespace MesaServicios.Architecture.Tests.Fixtures.BadModule.Tickets
{
    internal sealed class HandlerThatReadsAnotherModulesTable
    {
        public object Users(MesaServicios.Application.Users.IUsersDbContext db) => db.Users;
    }
}

namespace MesaServicios.Architecture.Tests.Fixtures.GoodModule.Tickets
{
    internal sealed class HandlerThatUsesAnotherModulesContract
    {
        public string Name(MesaServicios.Application.Users.Contracts.UserSnapshot user) => user.FullName;
    }
}

namespace MesaServicios.Architecture.Tests.Fixtures.BadDomainPackage
{
    internal sealed class ValueThatUsesAPackage
    {
        public string Describe(Xunit.FactAttribute fact) => fact.DisplayName ?? "none";
    }

    internal sealed class ValueThatUsesOnlyTheBaseClassLibrary
    {
        public IReadOnlyList<int> Levels { get; } = [1, 2, 3];

        public string Describe(DateTimeOffset when) => when.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
    }
}

namespace MesaServicios.Architecture.Tests.Fixtures.BadCommon.Application.Common
{
    internal sealed class SharedBehaviourThatKnowsAModule
    {
        public Type Store() => typeof(MesaServicios.Architecture.Tests.Fixtures.BadCommon.Application.Tickets.TicketTable);
    }
}

namespace MesaServicios.Architecture.Tests.Fixtures.BadCommon.Application.Tickets
{
    internal sealed class TicketTable
    {
        public Type Shared() => typeof(MesaServicios.Architecture.Tests.Fixtures.BadCommon.Application.Common.SharedBehaviourThatKnowsAModule);
    }
}
