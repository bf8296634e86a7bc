using NetArchTest.Rules;
using static MesaServicios.Architecture.Tests.ArchitectureRules;

namespace MesaServicios.Architecture.Tests;

public sealed class LayerTests
{
    [Fact]
    public void Domain_DependsOnNothingOfOursOrOfTheFrameworks()
    {
        var result = DomainIsPure(Types.InAssembly(DomainAssembly), "MesaServicios.Domain");

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Domain_DependsOnlyOnTheBaseClassLibrary()
    {
        var result = DomainUsesOnlyTheBaseClassLibrary(Types.InAssembly(DomainAssembly), "MesaServicios.Domain");

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Theory]
    [InlineData("Domain")]
    [InlineData("Application")]
    [InlineData("Infrastructure")]
    [InlineData("WebApi")]
    public void Common_KnowsNoModule(string layer)
    {
        var assembly = Product.Single(a => a.GetName().Name == $"MesaServicios.{layer}");

        var result = CommonKnowsNoModule(Types.InAssembly(assembly), $"MesaServicios.{layer}.Common", Product, "MesaServicios", "MesaDbContext");

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void Application_DoesNotDependOnAdapters()
    {
        var result = ApplicationHasNoAdapters(Types.InAssembly(ApplicationAssembly), "MesaServicios.Application");

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void WebApi_EndpointsDoNotTouchTheDbContext()
    {
        var result = EndpointsDoNotTouchTheDatabase(Types.InAssembly(WebApiAssembly), "MesaServicios.WebApi");

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Theory]
    [MemberData(nameof(ModuleLayers))]
    public void Module_UsesOtherModulesOnlyThroughTheirContracts(string layer, string module)
    {
        var assembly = Product.Single(a => a.GetName().Name == $"MesaServicios.{layer}");

        var result = ModuleUsesOthersOnlyThroughContracts(Types.InAssembly(assembly), $"MesaServicios.{layer}.{module}", module);

        Assert.True(result.IsSuccessful, Describe(result));
    }

    [Fact]
    public void EveryCommandAndQuery_HasExactlyOneHandler()
    {
        var requests = ApplicationAssembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && t.GetInterfaces().Any(i => i.FullName is "Mediator.IBaseRequest" or "Mediator.IBaseCommand" or "Mediator.IBaseQuery"))
            .ToList();
        // A handler of ICommand<T> also implements the two-argument interface: count handler types, not interfaces.
        var handled = ApplicationAssembly.GetTypes()
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition().FullName is { } name
                    && (name.StartsWith("Mediator.ICommandHandler`", StringComparison.Ordinal)
                        || name.StartsWith("Mediator.IQueryHandler`", StringComparison.Ordinal)
                        || name.StartsWith("Mediator.IRequestHandler`", StringComparison.Ordinal)))
                .Select(i => (Handler: t, Request: i.GetGenericArguments()[0])))
            .Distinct()
            .Select(pair => pair.Request)
            .ToList();

        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.True(handled.Count(h => h == r) == 1, $"{r.FullName} has {handled.Count(h => h == r)} handlers"));
    }

    public static TheoryData<string, string> ModuleLayers()
    {
        var data = new TheoryData<string, string>();
        foreach (var layer in Layers)
        {
            foreach (var module in Modules)
            {
                var assembly = Product.Single(a => a.GetName().Name == $"MesaServicios.{layer}");
                if (assembly.GetTypes().Any(t => t.Namespace is { } ns && (ns == $"MesaServicios.{layer}.{module}" || ns.StartsWith($"MesaServicios.{layer}.{module}.", StringComparison.Ordinal))))
                {
                    data.Add(layer, module);
                }
            }
        }

        return data;
    }
}
