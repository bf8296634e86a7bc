using System.Diagnostics;
using System.Text.RegularExpressions;

namespace MesaServicios.WebApi.Tests.Support;

/// <summary>
/// The built API started as a real process on a free loopback port (Development, a throwaway data directory, a
/// configured first administrator), for clients that need a real socket: a browser, a Node program, or another node
/// of the same desk (settings given as configuration keys, e.g. <c>Database:Provider</c>). Jobs are off unless a
/// setting turns them on.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private HostProcess(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
    }

    public string BaseUrl { get; private set; } = string.Empty;

    public string DataDirectory { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>The operating system's id of the process.</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "mesa-tests", "host-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "MesaServicios.WebApi.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Bootstrap__AdminEmail"] = MesaApiFactory.AdminEmail;
        start.Environment["Bootstrap__AdminPassword"] = MesaApiFactory.AdminPassword;
        start.Environment["Jobs__Enabled"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = new HostProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, dataDirectory);
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (host._output)
            {
                host._output.Add(e.Data);
            }

            if (SwaggerLine().Match(e.Data) is { Success: true } match)
            {
                ready.TrySetResult(match.Groups["base"].Value);
            }
        }

        host._process.OutputDataReceived += OnLine;
        host._process.ErrorDataReceived += OnLine;
        host._process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("The host stopped:\n" + host.Output));
        host._process.Start();
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();
        host.BaseUrl = await ready.Task.WaitAsync(TimeSpan.FromSeconds(120));
        return host;
    }

    /// <summary>Kills the process with SIGKILL (no shutdown, no flushing): a node that dies.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned with the temp folder.
        }
    }

    [GeneratedRegex(@"Swagger UI: (?<base>http://127\.0\.0\.1:\d+)/swagger")]
    private static partial Regex SwaggerLine();
}

/// <summary>
/// A test that needs a tool of the machine (node/npm, chromium). Without it the test is skipped with the reason —
/// except under CI (CI=true), where .ci/services.sh provides it and a missing tool must fail the run.
/// </summary>
public sealed class NeedsToolFactAttribute : FactAttribute
{
    public NeedsToolFactAttribute(string tool, string installHint)
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && Tools.Find(tool) is null)
        {
            Skip = $"{tool} is not installed: {installHint}";
        }
    }
}

public static class Tools
{
    /// <summary>The full path of an executable on PATH, or null.</summary>
    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
