using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MesaServicios.WebApi.Tests.Support;

namespace MesaServicios.WebApi.Tests.Integration;

/// <summary>
/// Swagger UI as a technician uses it, in a real headless Chromium driven over the DevTools protocol (a WebSocket and
/// a few lines, no driver package): sign in through the Authorize dialog, then "Try it out" on GET /api/v1/me.
/// </summary>
public sealed partial class SwaggerUiBrowserTests
{
    private const string Hint = "install Debian's chromium (apt-get install chromium); .ci/services.sh does it under CI";

    [NeedsToolFact("chromium", Hint)]
    public async Task SwaggerUi_SignInThroughAuthorize_ThenTryGetMe_Answers200WithMyProfile()
    {
        await using var host = await HostProcess.StartAsync();
        await using var browser = await Browser.StartAsync();
        await using var page = await browser.OpenAsync($"{host.BaseUrl}/swagger/index.html");

        await page.WaitForAsync("document.querySelector('.auth-wrapper .authorize') !== null");
        await page.EvaluateAsync("document.querySelector('.auth-wrapper .authorize').click()");
        await page.WaitForAsync("document.querySelector('#oauth_username') !== null && document.querySelector('#oauth_password') !== null");
        await page.EvaluateAsync($$"""
            (() => {
              const set = (el, v) => {
                Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, v);
                el.dispatchEvent(new Event('input', { bubbles: true }));
                el.dispatchEvent(new Event('change', { bubbles: true }));
              };
              set(document.querySelector('#oauth_username'), {{JsonSerializer.Serialize(MesaApiFactory.AdminEmail)}});
              set(document.querySelector('#oauth_password'), {{JsonSerializer.Serialize(MesaApiFactory.AdminPassword)}});
              document.querySelector('.auth-container .modal-btn.authorize').click();
            })()
            """);
        await page.WaitForAsync("[...document.querySelectorAll('.auth-container button')].some(b => b.textContent.trim() === 'Logout')");
        await page.EvaluateAsync("document.querySelector('.modal-ux .close-modal, .auth-btn-wrapper .btn-done').click()");

        await page.WaitForAsync("document.querySelector('.modal-ux') === null");
        await page.WaitForAsync("document.querySelector('#operations-Me-users_list_me') !== null");
        await page.EvaluateAsync("(document.querySelector('#operations-Me-users_list_me .opblock-summary-control') || document.querySelector('#operations-Me-users_list_me .opblock-summary')).click()");
        await page.WaitForAsync("document.querySelector('#operations-Me-users_list_me .try-out__btn') !== null");
        await page.EvaluateAsync("document.querySelector('#operations-Me-users_list_me .try-out__btn').click()");
        await page.WaitForAsync("document.querySelector('#operations-Me-users_list_me .execute') !== null");
        await page.EvaluateAsync("document.querySelector('#operations-Me-users_list_me .execute').click()");
        await page.WaitForAsync("document.querySelector('#operations-Me-users_list_me .live-responses-table tbody .response-col_status') !== null");

        var status = await page.EvaluateAsync("document.querySelector('#operations-Me-users_list_me .live-responses-table tbody .response-col_status').textContent.trim()");
        var body = await page.EvaluateAsync("document.querySelector('#operations-Me-users_list_me .live-responses-table tbody .response-col_description').textContent");
        Assert.Equal("200", status);
        Assert.Contains(MesaApiFactory.AdminEmail, body, StringComparison.Ordinal);
        Assert.Contains("Administrator", body, StringComparison.Ordinal);
    }

    /// <summary>Headless Chromium with its DevTools endpoint on a free loopback port and a throwaway profile.</summary>
    private sealed partial class Browser : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _profile;

        private Browser(Process process, string profile, Uri devTools)
        {
            _process = process;
            _profile = profile;
            DevTools = devTools;
        }

        private Uri DevTools { get; }

        public static async Task<Browser> StartAsync()
        {
            var profile = Path.Combine(Path.GetTempPath(), "mesa-tests", "chromium-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(profile);
            var start = new ProcessStartInfo(Tools.Find("chromium") ?? "chromium",
                ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            var process = Process.Start(start)!;
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (output)
                {
                    output.AppendLine(e.Data);
                }

                if (DevToolsLine().Match(e.Data) is { Success: true } match)
                {
                    listening.TrySetResult(new Uri($"http://127.0.0.1:{match.Groups["port"].Value}"));
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.EnableRaisingEvents = true;
            process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("chromium stopped:\n" + output));
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            return new Browser(process, profile, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }

        public async Task<Page> OpenAsync(string url)
        {
            using var http = new HttpClient { BaseAddress = DevTools };
            using var created = await http.PutAsync("/json/new?" + Uri.EscapeDataString(url), null);
            created.EnsureSuccessStatusCode();
            var target = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri(target["webSocketDebuggerUrl"]!.GetValue<string>()), CancellationToken.None);
            return new Page(socket);
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
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
                // Cleaned with the temp folder.
            }
        }

        [GeneratedRegex(@"DevTools listening on ws://[^:]+:(?<port>\d+)/")]
        private static partial Regex DevToolsLine();
    }

    /// <summary>One tab: evaluates JavaScript in the page through <c>Runtime.evaluate</c> and waits for conditions.</summary>
    private sealed class Page(ClientWebSocket socket) : IAsyncDisposable
    {
        private int _nextId;

        public async Task<string> EvaluateAsync(string expression)
        {
            var id = ++_nextId;
            var command = new JsonObject
            {
                ["id"] = id,
                ["method"] = "Runtime.evaluate",
                ["params"] = new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true },
            };
            await socket.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
            while (true)
            {
                var message = await ReceiveAsync();
                if (message["id"]?.GetValue<int>() != id)
                {
                    continue; // an event
                }

                var result = message["result"];
                if (result?["exceptionDetails"] is { } failure)
                {
                    throw new InvalidOperationException($"{expression}\n{failure.ToJsonString()}");
                }

                var value = result?["result"]?["value"];
                return value is null ? string.Empty : value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            }
        }

        public async Task WaitForAsync(string condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await EvaluateAsync($"(() => {{ try {{ return {condition}; }} catch {{ return false; }} }})()") != "true")
            {
                if (DateTime.UtcNow > deadline)
                {
                    var html = await EvaluateAsync("[...document.querySelectorAll('[id^=operations-Me]')].map(e => e.id + ': ' + e.className).join('\\n') + '\\n' + (document.querySelector('.modal-ux') ? 'modal open' : 'no modal')");
                    throw new TimeoutException($"Waited 30 s for: {condition}\nPage text:\n{html}");
                }

                await Task.Delay(100);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }

            socket.Dispose();
        }

        private async Task<JsonNode> ReceiveAsync()
        {
            var buffer = new byte[64 * 1024];
            using var message = new MemoryStream();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, timeout.Token);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            return JsonNode.Parse(message.ToArray())!;
        }
    }
}
