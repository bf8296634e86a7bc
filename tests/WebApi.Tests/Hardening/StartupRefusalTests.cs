using System.Diagnostics;

namespace MesaServicios.WebApi.Tests.Hardening;

/// <summary>The real process, started as an operator would: a wrong configuration ends it with one clear line.</summary>
public sealed class StartupRefusalTests
{
    [Theory]
    [InlineData("", "Auth:SigningKey")]
    [InlineData("corta", "Auth:SigningKey")]
    public async Task Production_WithoutAUsableSigningKey_RefusesToStart_WithOneLine(string key, string expected)
    {
        var (exitCode, output) = await RunAsync(new() { ["Auth__SigningKey"] = key });

        Assert.NotEqual(0, exitCode);
        Assert.Single(output.Split('\n'), line => line.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABootstrapPasswordThePolicyRefuses_EndsTheProcess_WithOneLine()
    {
        var (exitCode, output) = await RunAsync(new()
        {
            ["Auth__SigningKey"] = Convert.ToBase64String(new byte[48]),
            ["Bootstrap__AdminEmail"] = "raiz@iescinoc.edu.co",
            ["Bootstrap__AdminPassword"] = "corta",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Single(output.Split('\n'), line => line.Contains("Bootstrap:AdminPassword", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> settings)
    {
        var data = Path.Combine(Path.GetTempPath(), "mesa-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "MesaServicios.WebApi.dll"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = data,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Storage__DataDirectory"] = data;
        start.Environment["Jobs__Enabled"] = "false";
        start.Environment["Inbox__Enabled"] = "false";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The service kept running with a configuration it should refuse.");
        }

        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the OS.
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
