using NetArchTest.Rules;
using static MesaServicios.Architecture.Tests.ArchitectureRules;

namespace MesaServicios.Architecture.Tests;

/// <summary>Each rule, run on a deliberately bad type, must fail — otherwise a green rule proves nothing.</summary>
public sealed class RulesBiteTests
{
    private static System.Reflection.Assembly FixtureAssembly => typeof(RulesBiteTests).Assembly;

    private static Types Fixtures => Types.InAssembly(FixtureAssembly);

    [Fact]
    public void DomainRule_RejectsADomainTypeThatKnowsEfCore()
    {
        var result = DomainIsPure(Fixtures, "MesaServicios.Architecture.Tests.Fixtures.BadDomain");

        Assert.False(result.IsSuccessful);
        Assert.Contains(result.FailingTypeNames, n => n.EndsWith("EntityThatKnowsEfCore", StringComparison.Ordinal));
    }

    [Fact]
    public void BaseClassLibraryRule_RejectsADomainTypeThatUsesAPackage()
    {
        var result = DomainUsesOnlyTheBaseClassLibrary(Fixtures, "MesaServicios.Architecture.Tests.Fixtures.BadDomainPackage");

        Assert.False(result.IsSuccessful);
        Assert.Contains(result.FailingTypeNames, n => n.EndsWith("ValueThatUsesAPackage", StringComparison.Ordinal));
        Assert.DoesNotContain(result.FailingTypeNames, n => n.EndsWith("ValueThatUsesOnlyTheBaseClassLibrary", StringComparison.Ordinal));
    }

    [Fact]
    public void CommonRule_RejectsCommonCodeThatKnowsAModule()
    {
        var result = CommonKnowsNoModule(Fixtures, "MesaServicios.Architecture.Tests.Fixtures.BadCommon.Application.Common", [FixtureAssembly], "MesaServicios.Architecture.Tests.Fixtures.BadCommon");

        Assert.False(result.IsSuccessful);
        Assert.Contains(result.FailingTypeNames, n => n.EndsWith("SharedBehaviourThatKnowsAModule", StringComparison.Ordinal));
    }

    [Fact]
    public void CommonRule_LetsAModuleUseCommon()
    {
        var result = CommonKnowsNoModule(Fixtures, "MesaServicios.Architecture.Tests.Fixtures.BadCommon.Application.Tickets", [FixtureAssembly], "MesaServicios.Architecture.Tests.Fixtures.BadCommon.Application.Common");

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void ApplicationRule_RejectsAHandlerThatUsesHangfire()
    {
        var result = ApplicationHasNoAdapters(Fixtures, "MesaServicios.Architecture.Tests.Fixtures.BadApplication");

        Assert.False(result.IsSuccessful);
        Assert.Contains(result.FailingTypeNames, n => n.EndsWith("HandlerThatEnqueuesHangfireJobs", StringComparison.Ordinal));
    }

    [Fact]
    public void WebApiRule_RejectsAnEndpointThatQueriesTheDbContext()
    {
        var result = EndpointsDoNotTouchTheDatabase(Fixtures, "MesaServicios.Architecture.Tests.Fixtures.BadWebApi");

        Assert.False(result.IsSuccessful);
        Assert.Contains(result.FailingTypeNames, n => n.EndsWith("EndpointThatQueriesTheDatabase", StringComparison.Ordinal));
    }

    [Fact]
    public void ModuleRule_RejectsReadingAnotherModulesTables()
    {
        var result = ModuleUsesOthersOnlyThroughContracts(Fixtures, "MesaServicios.Architecture.Tests.Fixtures.BadModule.Tickets", "Tickets");

        Assert.False(result.IsSuccessful);
        Assert.Contains(result.FailingTypeNames, n => n.EndsWith("HandlerThatReadsAnotherModulesTable", StringComparison.Ordinal));
    }

    [Fact]
    public void ModuleRule_AcceptsUsingAnotherModulesContracts()
    {
        var result = ModuleUsesOthersOnlyThroughContracts(Fixtures, "MesaServicios.Architecture.Tests.Fixtures.GoodModule.Tickets", "Tickets");

        Assert.True(result.IsSuccessful, Describe(result));
    }
}
