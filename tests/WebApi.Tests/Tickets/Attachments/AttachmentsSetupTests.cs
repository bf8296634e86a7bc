using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.Infrastructure.Common;
using MesaServicios.Infrastructure.Tickets.Attachments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

public sealed class AttachmentsSetupTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "mesa-setup-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Storage:DataDirectory"] = _dataDirectory;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddTicketAttachments(configuration, new DataPaths(configuration, new Environment()));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Configuration_SetsTheLimitsTheTypesAndTheFolder()
    {
        await using var services = Build(new()
        {
            ["Tickets:Attachments:MaxFileBytes"] = "2048",
            ["Tickets:Attachments:MaxFilesPerRequest"] = "2",
            ["Tickets:Attachments:AllowedExtensions:0"] = "pdf",
            ["Tickets:Attachments:AllowedExtensions:1"] = ".PNG",
            ["Tickets:Attachments:Directory"] = "adjuntos",
        });

        var policy = services.GetRequiredService<AttachmentPolicy>();
        Assert.Equal("pdf, png", policy.AllowedList);
        Assert.Equal(2048, policy.Options.MaxFileBytes);
        Assert.Equal(2, policy.Options.MaxFilesPerRequest);
        var stored = await services.GetRequiredService<IFileStore>().StoreAsync(new MemoryStream(TestFiles.Png));
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "adjuntos", stored.Sha256[..2], stored.Sha256[2..4], stored.Sha256)));
    }

    [Fact]
    public async Task NoConfiguration_GivesTheDefaults()
    {
        await using var services = Build([]);

        var options = services.GetRequiredService<IOptions<AttachmentOptions>>().Value;
        Assert.Equal((10L * 1024 * 1024, 10), (options.MaxFileBytes, options.MaxFilesPerRequest));
        Assert.Equal(AttachmentTypes.DefaultExtensions, options.EffectiveExtensions);
        await using var scope = services.CreateAsyncScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<AttachmentIntake>());
        Assert.IsType<DiskFileStore>(services.GetRequiredService<IFileStore>());
        Assert.True(Directory.Exists(Path.Combine(_dataDirectory, "attachments", ".tmp")));
    }

    [Fact]
    public async Task ZeroLimit_IsRefusedAtStart()
    {
        await using var services = Build(new() { ["Tickets:Attachments:MaxFileBytes"] = "0" });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AttachmentOptions>>().Value);
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "MesaServicios";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
