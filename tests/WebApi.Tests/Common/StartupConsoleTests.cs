using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace MesaServicios.WebApi.Tests.Common;

/// <summary>
/// The first start in Development, as a developer sees it in the console: a short start-up whose last lines are the
/// Swagger address and the first administrator's credentials, which work.
/// </summary>
public sealed partial class StartupConsoleTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "mesa-tests", "console-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task FirstStartInDevelopment_EndsWithSwaggerAndTheAdministratorsCredentials_WithoutSqlLines()
    {
        var output = new List<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = Start(output, ready);
        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
            await Task.Delay(500); // anything printed after the banner would show up here
            List<string> lines;
            lock (output)
            {
                lines = [.. output];
            }

            var text = string.Join('\n', lines);
            Assert.True(lines.Count <= 30, $"{lines.Count} start-up lines:\n{text}");
            Assert.DoesNotContain("DbCommand", text, StringComparison.Ordinal);
            Assert.DoesNotContain("password:", string.Join('\n', lines.SkipLast(1)), StringComparison.Ordinal);
            var swagger = SwaggerLine().Match(lines[^2]);
            Assert.True(swagger.Success, $"the line before last is not the Swagger address:\n{text}");
            var credentials = CredentialsLine().Match(lines[^1]);
            Assert.True(credentials.Success, $"the last line is not the administrator's credentials:\n{text}");

            using var client = new HttpClient { BaseAddress = new Uri(swagger.Groups["base"].Value) };
            Assert.True((await client.GetAsync("/swagger/index.html")).IsSuccessStatusCode);
            var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = credentials.Groups["email"].Value, password = credentials.Groups["password"].Value });
            Assert.True(token.IsSuccessStatusCode, $"the printed credentials do not sign in: {(int)token.StatusCode}");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned with the temp folder.
        }
    }

    private Process Start(List<string> output, TaskCompletionSource ready)
    {
        Directory.CreateDirectory(_dataDirectory);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "MesaServicios.WebApi.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Storage__DataDirectory"] = _dataDirectory;
        start.Environment["Logging__Console__FormatterName"] = "simple";
        var process = new Process { StartInfo = start };
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.Add(e.Data);
            }

            if (CredentialsLine().IsMatch(e.Data))
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The host stopped: " + string.Join('\n', output)));
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [GeneratedRegex(@"Swagger UI: (?<base>http://127\.0\.0\.1:\d+)/swagger$")]
    private static partial Regex SwaggerLine();

    [GeneratedRegex(@"First administrator \(Development\): (?<email>\S+@\S+) / password: (?<password>\S+) ")]
    private static partial Regex CredentialsLine();
}
