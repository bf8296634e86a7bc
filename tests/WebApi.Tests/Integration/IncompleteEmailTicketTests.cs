using System.Text;
using System.Text.Json;
using MesaServicios.Domain.Inbox;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Inbox.Support;
using MesaServicios.WebApi.Tests.Tickets;
using MimeKit;

namespace MesaServicios.WebApi.Tests.Integration;

/// <summary>
/// A request by e-mail that lacks some details, through the real host: the drop folder, the real Tickets module,
/// the outbox delivered to the pickup folder (the mails a person really receives).
/// </summary>
public sealed class IncompleteEmailTicketTests : IDisposable
{
    private const string Domain = "mesa.iescinoc.edu.co";
    private readonly InboxApiFactory _desk = new(realTickets: true);
    private int _files;

    public void Dispose() => _desk.Dispose();

    [Fact]
    public async Task RefusedAttachmentsNote_IsWrittenByTheSystem_AndTheTicketKeepsItsIncompleteMark()
    {
        var ana = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co", department: null, phone: null);
        var raw = WithAttachment(
            "Ana Gómez <ana.gomez@iescinoc.edu.co>",
            "Solicitud de instalación de programa",
            "Nombre: Ana Gómez\nDetalle: Necesito instalar este programa en el equipo de la sala 204.",
            "instalador.exe",
            [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);

        var id = await IngestOneTicketAsync(raw);

        var ticket = await TicketApi.GetAsync(ana, id);
        Assert.True(ticket.GetProperty("isIncomplete").GetBoolean());
        var note = Assert.Single(FollowUpItems(ticket));
        Assert.StartsWith("Adjuntos no aceptados: instalador.exe", note.GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, note.GetProperty("actor").ValueKind);
    }

    [Fact]
    public async Task MissingDetails_AreAskedInTheConfirmationItself_OnlyWhatTheProfileLacks()
    {
        // The profile holds the department but no phone; the mail gives the name and the detail only.
        var ana = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co", department: "Biblioteca", phone: null);

        var id = await IngestOneTicketAsync(Mail.Build("ana.gomez@iescinoc.edu.co", "Solicitud de préstamo de video beam", "Nombre: Ana Gómez\nDetalle: Necesito un video beam para el jueves en el aula 12."));

        var ticket = await TicketApi.GetAsync(ana, id);
        Assert.True(ticket.GetProperty("isIncomplete").GetBoolean());
        Assert.Equal("Biblioteca", ticket.GetProperty("requesterDepartment").GetString());
        var delivered = await DeliveredToAsync(ana.Email);
        var confirmation = Assert.Single(delivered);
        Assert.Equal($"ticket-{id}@{Domain}", confirmation.MessageId);
        Assert.Contains($"#{id}", confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("Recibimos tu ticket", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Número de contacto", confirmation.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("- Dependencia", confirmation.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("- Nombre del funcionario", confirmation.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("- Detalle de la solicitud", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("Número de contacto", confirmation.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteProfile_NothingIsAsked_AndTheTicketIsNotIncomplete()
    {
        var ana = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co", department: "Biblioteca", phone: "3001234567");

        var id = await IngestOneTicketAsync(Mail.Build("ana.gomez@iescinoc.edu.co", "Solicitud de préstamo de video beam", "Detalle: Necesito un video beam para el jueves en el aula 12."));

        var ticket = await TicketApi.GetAsync(ana, id);
        Assert.False(ticket.GetProperty("isIncomplete").GetBoolean());
        Assert.Equal(("Biblioteca", "3001234567"), (ticket.GetProperty("requesterDepartment").GetString(), ticket.GetProperty("requesterPhone").GetString()));
        var confirmation = Assert.Single(await DeliveredToAsync(ana.Email));
        Assert.DoesNotContain("Datos que faltan", confirmation.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAnswerWithTheMissingDetails_UpdatesTheRequesterSnapshot_AndClearsTheMark()
    {
        var ana = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co", fullName: "Ana Gómez", department: null, phone: null);
        var id = await IngestOneTicketAsync(Mail.Build("ana.gomez@iescinoc.edu.co", "Solicitud de préstamo de video beam", "Detalle: Necesito un video beam para el jueves en el aula 12."));
        Assert.True((await TicketApi.GetAsync(ana, id)).GetProperty("isIncomplete").GetBoolean());

        var answer = Mail.Build(
            "ana.gomez@iescinoc.edu.co",
            $"Re: [Mesa #{id}] Recibimos tu ticket",
            "Buenos días,\n\nNombre: Ana María Gómez Ruiz\nDependencia: Facultad de Artes\nCelular: 310 987 6543\n\nGracias.",
            inReplyTo: $"ticket-{id}@{Domain}");
        var record = await IngestOneAsync(answer);

        Assert.Equal(InboxMessageStatus.FollowUpAdded, record.Status);
        var ticket = await TicketApi.GetAsync(ana, id);
        Assert.False(ticket.GetProperty("isIncomplete").GetBoolean());
        Assert.Equal("Ana María Gómez Ruiz", ticket.GetProperty("requester").GetProperty("name").GetString());
        Assert.Equal("Facultad de Artes", ticket.GetProperty("requesterDepartment").GetString());
        Assert.Equal("310 987 6543", ticket.GetProperty("requesterPhone").GetString());
    }

    [Fact]
    public async Task OverlongSubject_IsKeptWholeInTheDescription()
    {
        var ana = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.gomez@iescinoc.edu.co");
        var subject = "Solicitud de " + string.Join(' ', Enumerable.Range(1, 60).Select(i => $"parte{i}")) + " FINAL-DEL-ASUNTO";

        var id = await IngestOneTicketAsync(Mail.Build("ana.gomez@iescinoc.edu.co", subject, Mail.CompleteBody));

        var ticket = await TicketApi.GetAsync(ana, id);
        var title = ticket.GetProperty("title").GetString()!;
        Assert.True(title.Length <= 150, title);
        Assert.StartsWith("Solicitud de parte1 parte2", title, StringComparison.Ordinal);
        var description = ticket.GetProperty("description").GetString()!;
        Assert.StartsWith(subject, description, StringComparison.Ordinal);
        Assert.Contains("Necesito instalar AutoCAD en la sala 204.", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultipartWhoseBoundaryNeverMatches_KeepsTheRawTextAsTheBody()
    {
        var ana = await _desk.CreateUserAsync(UserRole.Requester, email: "ana.perez@iescinoc.edu.co");
        const string raw = "From: Ana Perez <ana.perez@iescinoc.edu.co>\r\nTo: soporte@iescinoc.edu.co\r\nSubject: Solicitud de soporte\r\n"
            + "Message-ID: <broken-e2e@iescinoc.edu.co>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"NUNCA-APARECE\"\r\n\r\n"
            + "--OTRO-LIMITE\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nNombre: Ana Perez\r\nDetalle: El equipo de la oficina 204 no enciende.\r\n--OTRO-LIMITE--\r\n";

        var id = await IngestOneTicketAsync(raw);

        var description = (await TicketApi.GetAsync(ana, id)).GetProperty("description").GetString()!;
        Assert.Contains("El equipo de la oficina 204 no enciende.", description, StringComparison.Ordinal);
        Assert.Contains("Nombre: Ana Perez", description, StringComparison.Ordinal);
    }

    private static string WithAttachment(string from, string subject, string body, string fileName, byte[] content)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("soporte@iescinoc.edu.co"));
        message.Subject = subject;
        message.MessageId = $"{Guid.NewGuid():N}@mail.test";
        var builder = new BodyBuilder { TextBody = body };
        builder.Attachments.Add(fileName, content, new ContentType("application", "octet-stream"));
        message.Body = builder.ToMessageBody();
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Delivers the outbox (the pickup folder is the mailbox) and returns the mails that reached this address.</summary>
    private async Task<List<MimeMessage>> DeliveredToAsync(string email)
    {
        await _desk.DeliverOutboxAsync();
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(_desk.PickupDirectory, "*.eml"))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, email, StringComparison.OrdinalIgnoreCase)))
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    private async Task<int> IngestOneTicketAsync(string raw)
    {
        var record = await IngestOneAsync(raw);
        Assert.Equal(InboxMessageStatus.TicketCreated, record.Status);
        return Assert.NotNull(record.TicketId);
    }

    private async Task<InboxMessage> IngestOneAsync(string raw)
    {
        var known = (await _desk.InboxRecordsAsync()).Select(r => r.Id).ToHashSet();
        var name = $"{Interlocked.Increment(ref _files):D3}.eml";
        await _desk.DropAsync(name, raw);

        var report = await _desk.IngestAsync();

        Assert.Equal(1, report.Applied);
        return Assert.Single(await _desk.InboxRecordsAsync(), r => !known.Contains(r.Id));
    }

    private static List<JsonElement> FollowUpItems(JsonElement ticket) =>
        ticket.GetProperty("timeline").EnumerateArray().Where(t => t.GetProperty("kind").GetString() == "FollowUp").ToList();
}
