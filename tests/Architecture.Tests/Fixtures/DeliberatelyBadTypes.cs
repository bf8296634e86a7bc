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
