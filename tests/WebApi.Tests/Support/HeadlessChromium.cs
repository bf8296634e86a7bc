using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MesaServicios.WebApi.Tests.Support;

/// <summary>
/// A real headless Chromium (Debian's <c>chromium</c>) driven over the Chrome DevTools protocol: one page, navigate,
/// read, fill and submit forms. A few lines over a WebSocket; no driver or browser download needed.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string InstallHint = "chromium is not installed (apt-get install -y chromium); the browser tests run under CI=true.";

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _send = new(1, 1);
    private Task _reader = Task.CompletedTask;
    private string _session = string.Empty;
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static string? FindBinary() =>
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    /// <summary>Starts the browser with a throwaway profile; pages ask for <paramref name="acceptLanguage"/>.</summary>
    public static async Task<HeadlessChromium> StartAsync(string acceptLanguage = "es-CO,es")
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(InstallHint);
        var profile = Path.Combine(Path.GetTempPath(), "mesa-chromium", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync(acceptLanguage);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    private async Task ConnectAsync(string acceptLanguage)
    {
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string[] lines = [];
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(portFile))
            {
                lines = (await File.ReadAllLinesAsync(portFile)).Where(l => l.Length > 0).ToArray();
                if (lines.Length >= 2)
                {
                    break;
                }
            }

            await Task.Delay(100);
        }

        if (lines.Length < 2)
        {
            throw new TimeoutException("chromium did not open its DevTools port within 30 s");
        }

        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0]}{lines[1]}"), CancellationToken.None);
        _reader = Task.Run(ReadLoopAsync);
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true);
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, browserLevel: true);
        _session = attached["sessionId"]!.GetValue<string>();
        await SendAsync("Page.enable", []);
        await SendAsync("Emulation.setUserAgentOverride", new JsonObject { ["userAgent"] = "Mozilla/5.0 (X11; Linux x86_64) HeadlessChromium MesaTests", ["acceptLanguage"] = acceptLanguage });
    }

    /// <summary>Opens <paramref name="url"/> and waits until the page (after any redirect) has loaded.</summary>
    public async Task GoToAsync(string url)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await WaitForLoadAsync(previous: null);
    }

    /// <summary>Fills the fields (CSS selector → value), clicks the submit button and waits for the next page.</summary>
    public async Task SubmitAsync(IReadOnlyDictionary<string, string> fields, string submit = "button[type=submit]")
    {
        var before = await EvaluateAsync<string>("location.href + '#' + performance.timeOrigin");
        foreach (var (selector, value) in fields)
        {
            var ok = await EvaluateAsync<bool>($"(() => {{ const e = document.querySelector({JsonSerializer.Serialize(selector)}); if (!e) return false; e.focus(); e.value = {JsonSerializer.Serialize(value)}; e.dispatchEvent(new Event('input', {{ bubbles: true }})); return true; }})()");
            if (!ok)
            {
                throw new InvalidOperationException($"No field {selector} on {await UrlAsync()}:\n{await TextAsync()}");
            }
        }

        var clicked = await EvaluateAsync<bool>($"(() => {{ const b = document.querySelector({JsonSerializer.Serialize(submit)}); if (!b) return false; b.click(); return true; }})()");
        if (!clicked)
        {
            throw new InvalidOperationException($"No {submit} on {await UrlAsync()}");
        }

        await WaitForLoadAsync(before);
    }

    /// <summary>Clicks the link <paramref name="selector"/> and waits for the next page.</summary>
    public async Task ClickAsync(string selector)
    {
        var before = await EvaluateAsync<string>("location.href + '#' + performance.timeOrigin");
        await EvaluateAsync<bool>($"(() => {{ document.querySelector({JsonSerializer.Serialize(selector)}).click(); return true; }})()");
        await WaitForLoadAsync(before);
    }

    public Task<string> UrlAsync() => EvaluateAsync<string>("location.href");

    public Task<string> TextAsync() => EvaluateAsync<string>("document.body ? document.body.innerText : ''");

    public Task<T> EvaluateAsync<T>(string expression) => EvaluateCoreAsync<T>(expression);

    /// <summary>Runs a script for its effect (a click, setting values); its result is ignored.</summary>
    public async Task RunAsync(string script)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = script });
        if (result["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException($"Script failed: {error.ToJsonString()}");
        }
    }

    /// <summary>Waits up to 30 s until <paramref name="condition"/> (a script expression) is true on the page.</summary>
    public async Task WaitForAsync(string condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await EvaluateAsync<bool>($"(() => {{ try {{ return !!({condition}); }} catch {{ return false; }} }})()"))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 30 s for: {condition}\nPage text:\n{await TextAsync()}");
            }

            await Task.Delay(100);
        }
    }

    private async Task<T> EvaluateCoreAsync<T>(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException($"Script failed: {error.ToJsonString()}");
        }

        return result["result"]!["value"]!.GetValue<T>();
    }

    private async Task WaitForLoadAsync(string? previous)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            try
            {
                var state = await EvaluateCoreAsync<string>("document.readyState + ' ' + location.href + '#' + performance.timeOrigin");
                var space = state.IndexOf(' ', StringComparison.Ordinal);
                var now = state[(space + 1)..];
                if (state[..space] == "complete" && now != previous && !now.StartsWith("about:blank", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (InvalidOperationException)
            {
                // The page is being replaced: ask again.
            }
        }

        throw new TimeoutException($"The page did not load within 30 s ({await UrlAsync()}).");
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, bool browserLevel = false)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (!browserLevel)
        {
            message["sessionId"] = _session;
        }

        var answer = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _send.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _send.Release();
        }

        var done = await Task.WhenAny(answer.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        if (done != answer.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"No answer from chromium to {method} within 30 s.");
        }

        return await answer.Task;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.ToArray());
                message.SetLength(0);
                if (node?["id"] is { } idNode && _pending.TryRemove(idNode.GetValue<int>(), out var answer))
                {
                    if (node["error"] is { } error)
                    {
                        answer.TrySetException(new InvalidOperationException($"chromium refused: {error.ToJsonString()}"));
                    }
                    else
                    {
                        answer.TrySetResult(node["result"] ?? new JsonObject());
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Closing.
        }
        catch (WebSocketException)
        {
            // The browser went away.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
        catch (WebSocketException)
        {
            // Already gone.
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (OperationCanceledException)
        {
            // Left to the OS.
        }

        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The read loop ends with the socket.
        }
        _process.Dispose();
        _socket.Dispose();
        _stop.Dispose();
        _send.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting process; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}

/// <summary>
/// A test that needs a real browser. Without chromium it is skipped with the install hint — except under CI
/// (CI=true), where .ci/services.sh installs it and a missing browser must fail the run, not hide it.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (HeadlessChromium.FindBinary() is null && !ci)
        {
            Skip = HeadlessChromium.InstallHint;
        }
    }
}
