using Mediator;
using MesaServicios.Application.Inbox;
using MesaServicios.Application.Inbox.Ingest;
using MesaServicios.Application.Tickets.Contracts;
using MesaServicios.Domain.Inbox;
using MesaServicios.Domain.Notifications;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MesaServicios.WebApi.Tests.Inbox.Support;

/// <summary>
/// The real host with the Tickets module's door replaced by <see cref="FakeTicketsModule"/> (unless built with
/// <c>realTickets: true</c>, which keeps the real Tickets module) and the mail source wrapped so that tests can
/// arm a crash after the commit, before the moves on the server.
/// </summary>
public sealed class InboxApiFactory(bool realTickets) : MesaApiFactory
{
    public InboxApiFactory()
        : this(realTickets: false)
    {
    }

    public FakeTicketsModule Tickets { get; } = new();

    public CrashBeforeMove Crash { get; } = new();

    public string DropFolder => Path.Combine(DataDirectory, "mail", "inbox");

    /// <summary>Points the host at a dovecot mailbox instead of the drop folder.</summary>
    public InboxApiFactory UseImap(DovecotServer server, string user, string password)
    {
        With("Inbox:Source", "Imap");
        With("Inbox:Imap:Host", server.Host);
        With("Inbox:Imap:Port", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        With("Inbox:Imap:Security", "None");
        With("Inbox:Imap:UserName", user);
        With("Inbox:Imap:Password", password);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            if (!realTickets)
            {
                services.RemoveAll<ITicketsModule>();
                services.AddSingleton<ITicketsModule>(Tickets);
            }

            var source = services.Single(d => d.ServiceType == typeof(IMailSourceFactory));
            services.Remove(source);
            services.AddScoped<IMailSourceFactory>(sp => new CrashingMailSourceFactory(
                (IMailSourceFactory)ActivatorUtilities.CreateInstance(sp, source.ImplementationType!), Crash));
        });
    }

    public Task<IngestionReport> IngestAsync() =>
        WithScopeAsync(async sp => await sp.GetRequiredService<ISender>().Send(new IngestMailRequest()));

    public async Task DropAsync(string fileName, string raw)
    {
        Directory.CreateDirectory(DropFolder);
        await File.WriteAllTextAsync(Path.Combine(DropFolder, fileName), raw.ReplaceLineEndings("\r\n"));
    }

    public Task<List<InboxMessage>> InboxRecordsAsync() =>
        WithDbAsync(db => db.InboxMessages.AsNoTracking().OrderBy(m => m.ReceivedAt).ToListAsync());

    public Task<List<OutboxEmail>> OutboxAsync() =>
        WithDbAsync(db => db.OutboxEmails.AsNoTracking().ToListAsync());
}

/// <summary>Simulates a crash between the database commit and the moves on the server, once when armed.</summary>
public sealed class CrashBeforeMove
{
    private int _armed;

    public void ArmOnce() => Interlocked.Exchange(ref _armed, 1);

    public void ThrowIfArmed()
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            throw new SimulatedCrashException();
        }
    }
}

/// <summary>A test double of the mail source port: the real source, except that an armed crash fires before the moves.</summary>
internal sealed class CrashingMailSourceFactory(IMailSourceFactory inner, CrashBeforeMove crash) : IMailSourceFactory
{
    public IMailSource Create() => new CrashingMailSource(inner.Create(), crash);

    private sealed class CrashingMailSource(IMailSource source, CrashBeforeMove crash) : IMailSource
    {
        public string Mailbox => source.Mailbox;

        public Task OpenAsync(CancellationToken cancellationToken) => source.OpenAsync(cancellationToken);

        public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken) => source.ListAsync(cancellationToken);

        public Task<IReadOnlyList<SourceMessage>> FetchAsync(IReadOnlyList<string> refs, CancellationToken cancellationToken) =>
            source.FetchAsync(refs, cancellationToken);

        public Task CompleteAsync(IReadOnlyList<string> processed, IReadOnlyList<string> rejected, CancellationToken cancellationToken)
        {
            crash.ThrowIfArmed();
            return source.CompleteAsync(processed, rejected, cancellationToken);
        }

        public ValueTask DisposeAsync() => source.DisposeAsync();
    }
}

public sealed class SimulatedCrashException() : Exception("Simulated crash between the commit and the move.");

/// <summary>Builds small RFC 5322 messages for the tests.</summary>
public static class Mail
{
    public static string Build(
        string from,
        string subject,
        string body,
        string? messageId = null,
        string? inReplyTo = null,
        string extraHeaders = "")
    {
        messageId ??= $"{Guid.NewGuid():N}@mail.test";
        var reply = inReplyTo is null ? string.Empty : $"In-Reply-To: <{inReplyTo}>\r\nReferences: <{inReplyTo}>\r\n";
        var encodedSubject = System.Text.Encoding.ASCII.GetString(MimeKit.Utils.Rfc2047.EncodeText(System.Text.Encoding.UTF8, subject));
        return $"From: {from}\r\nTo: soporte@iescinoc.edu.co\r\nSubject: {encodedSubject}\r\nDate: Mon, 02 Mar 2026 08:00:00 -0500\r\nMessage-ID: <{messageId}>\r\n{reply}{extraHeaders}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{body.ReplaceLineEndings("\r\n")}\r\n";
    }

    public const string CompleteBody = "Nombre: Ana Gómez\nDependencia: Facultad de Ingeniería\nTeléfono: 3001234567\nDetalle: Necesito instalar AutoCAD en la sala 204.";
}
