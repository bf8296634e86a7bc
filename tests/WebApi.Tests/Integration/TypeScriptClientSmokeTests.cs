using System.Diagnostics;
using MesaServicios.WebApi.Tests.Common.OpenApi;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Integration;

/// <summary>
/// What a front-end team does with docs/openapi.json: generate a TypeScript client (openapi-typescript), compile it in
/// strict mode, and use it (openapi-fetch) against a live host — clients/ts/src/smoke.ts holds the steps.
/// </summary>
public sealed class TypeScriptClientSmokeTests
{
    private const string Hint = "install Node.js 20 and npm (apt-get install nodejs npm), then clients/ts installs its pinned packages with npm ci";

    [NeedsToolFact("npm", Hint)]
    public async Task GeneratedClient_CompilesStrict_AndWalksATicketAReservationTheReferenceDataAndAReport_AgainstTheLiveHost()
    {
        var client = Path.Combine(RepositoryRoot.Find(), "clients", "ts");
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (ci || !Directory.Exists(Path.Combine(client, "node_modules")))
        {
            await RunAsync(client, "npm", ["ci", "--no-audit", "--no-fund"]);
        }

        await RunAsync(client, "npm", ["run", "generate"]);
        await RunAsync(client, "npm", ["run", "build"]);
        await using var host = await HostProcess.StartAsync();

        var output = await RunAsync(client, "node", ["dist/smoke.js"], new()
        {
            ["MESA_API"] = host.BaseUrl,
            ["MESA_ADMIN_EMAIL"] = MesaApiFactory.AdminEmail,
            ["MESA_ADMIN_PASSWORD"] = MesaApiFactory.AdminPassword,
        });

        Assert.Contains("smoke: 8 passed, 0 failed", output, StringComparison.Ordinal);
    }

    private static async Task<string> RunAsync(string directory, string tool, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Tools.Find(tool) ?? tool, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
        return output;
    }
}
