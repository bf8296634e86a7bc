using Mediator;
using MesaServicios.Application.Inbox;
using MesaServicios.Application.Inbox.Ingest;
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
/// The real host with the Inbox → Tickets seam replaced by <see cref="FakeTicketGateway"/> (unless built with
/// <c>realTickets: true</c>, which keeps the real gateway to the Tickets module) and an ingestion hook tests can
/// arm to crash after the commit.
/// </summary>
public sealed class InboxApiFactory(bool realTickets) : MesaApiFactory
{
    public InboxApiFactory()
        : this(realTickets: false)
    {
    }

    public FakeTicketGateway Tickets { get; } = new();

    public CrashHook Hook { get; } = new();

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
                services.RemoveAll<IInboxTicketGateway>();
                services.AddSingleton<IInboxTicketGateway>(Tickets);
            }

            services.RemoveAll<IInboxIngestionHook>();
            services.AddSingleton<IInboxIngestionHook>(Hook);
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
public sealed class CrashHook : IInboxIngestionHook
{
    private int _armed;

    public void ArmOnce() => Interlocked.Exchange(ref _armed, 1);

    public ValueTask AfterCommitAsync(IReadOnlyList<string> refs, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            throw new SimulatedCrashException();
        }

        return ValueTask.CompletedTask;
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
