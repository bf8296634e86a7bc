using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MesaServicios.WebApi.Tests.Inbox.Support;

/// <summary>
/// A throwaway dovecot IMAP server started by the tests: its own config under a temp folder, passwd-file users
/// with PLAIN passwords, maildir, 127.0.0.1 on a free high port, no TLS, plaintext login. Stopped by its PID.
/// </summary>
public sealed class DovecotServer : IDisposable
{
    public const string InstallHint = "dovecot is not installed: apt-get install dovecot-imapd";
    private readonly Process _process;
    private readonly string _usersFile;
    private readonly object _gate = new();
    private int _userCounter;

    public DovecotServer()
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(InstallHint);
        Root = Path.Combine(Path.GetTempPath(), "mesa-dovecot", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "run"));
        Directory.CreateDirectory(Path.Combine(Root, "state"));
        var home = Directory.CreateDirectory(Path.Combine(Root, "home"));
        // Mail processes run as nobody (never as root): they must be able to write the mail homes.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(home.FullName, (UnixFileMode)0x1FF);
        }
        _usersFile = Path.Combine(Root, "users");
        File.WriteAllText(_usersFile, string.Empty);
        Port = FreePort();
        var config = Path.Combine(Root, "dovecot.conf");
        File.WriteAllText(config, $$"""
            base_dir = {{Root}}/run
            state_dir = {{Root}}/state
            log_path = {{Root}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:~/Maildir
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{_usersFile}}
            }
            userdb {
              driver = static
              args = uid=nobody gid=nogroup home={{Root}}/home/%u
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            """);
        _process = Process.Start(new ProcessStartInfo(binary, ["-F", "-c", config])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("dovecot did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public string Root { get; }

    /// <summary>The dovecot binary, or null when it is not installed.</summary>
    public static string? FindBinary()
    {
        foreach (var dir in new[] { "/usr/sbin", "/usr/local/sbin", "/sbin" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "dovecot")))
            {
                return Path.Combine(dir, "dovecot");
            }
        }

        return null;
    }

    /// <summary>A new mailbox user (its own empty maildir) for one test.</summary>
    public (string User, string Password) CreateUser()
    {
        lock (_gate)
        {
            var user = $"soporte{++_userCounter}";
            const string password = "clave-imap";
            File.AppendAllText(_usersFile, $"{user}:{{PLAIN}}{password}\n");
            return (user, password);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                Process.GetProcessById(_process.Id).Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
        catch (UnauthorizedAccessException)
        {
            // Files owned by nobody in a sticky folder: left for the OS to clean.
        }
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"dovecot exited with {_process.ExitCode}: {ReadLog()}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"dovecot did not listen on {Port}: {ReadLog()}");
    }

    private string ReadLog()
    {
        var log = Path.Combine(Root, "dovecot.log");
        return File.Exists(log) ? File.ReadAllText(log) : "(no log)";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
