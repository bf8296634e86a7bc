using System.Globalization;
using System.Security.Cryptography;
using FluentValidation;
using MesaServicios.Application.Tickets.Attachments;
using MesaServicios.Application.Tickets.Contracts;

namespace MesaServicios.Application.Tests.Tickets.Attachments;

public sealed class AttachmentIntakeTests : IDisposable
{
    private const int TenMegabytes = 10 * 1024 * 1024;
    private readonly CultureInfo _originalCulture = CultureInfo.CurrentUICulture;
    private readonly InMemoryFileStore _store = new();
    private readonly AttachmentIntake _intake;

    public AttachmentIntakeTests()
    {
        _intake = new AttachmentIntake(_store, new AttachmentPolicy(new AttachmentOptions()));
        CultureInfo.CurrentUICulture = new CultureInfo("es-CO");
    }

    public void Dispose() => CultureInfo.CurrentUICulture = _originalCulture;

    private static IncomingFile File(string name, string sample) => IncomingFile.FromBytes(name, null, Samples.Get(sample));

    private static byte[] PdfOfSize(int size)
    {
        var bytes = new byte[size];
        Samples.Get("pdf").CopyTo(bytes, 0);
        return bytes;
    }

    [Fact]
    public async Task StoreAllOrThrow_WithElevenFiles_RefusesTheRequestAsTooManyAndStoresNothing()
    {
        var files = Enumerable.Range(1, 11).Select(i => File($"foto{i}.png", "png")).ToArray();

        var error = await Assert.ThrowsAsync<ValidationException>(() => _intake.StoreAllOrThrowAsync(files));

        var failure = Assert.Single(error.Errors);
        Assert.Equal("attachments", failure.PropertyName);
        Assert.Equal("Se pueden adjuntar como máximo 10 archivos por solicitud.", failure.ErrorMessage);
        Assert.Empty(_store.Files);
    }

    [Fact]
    public async Task StoreAllOrThrow_WithTenFiles_StoresThemAll()
    {
        var files = Enumerable.Range(1, 10).Select(i => IncomingFile.FromBytes($"nota{i}.txt", "text/plain", System.Text.Encoding.UTF8.GetBytes($"nota {i}"))).ToArray();

        var stored = await _intake.StoreAllOrThrowAsync(files);

        Assert.Equal(10, stored.Count);
        Assert.Equal(10, _store.Files.Count);
    }

    [Fact]
    public async Task StoreAllOrThrow_WithAFileOfTenMegabytesAndOneByte_RefusesThatFieldAndStoresNothing()
    {
        var files = new[] { File("foto.png", "png"), IncomingFile.FromBytes("grande.pdf", "application/pdf", PdfOfSize(TenMegabytes + 1)) };

        var error = await Assert.ThrowsAsync<ValidationException>(() => _intake.StoreAllOrThrowAsync(files));

        var failure = Assert.Single(error.Errors);
        Assert.Equal("attachments[1]", failure.PropertyName);
        Assert.Equal("El archivo «grande.pdf» supera el tamaño máximo permitido de 10 MB.", failure.ErrorMessage);
        Assert.Empty(_store.Files);
    }

    [Fact]
    public async Task StoreAllOrThrow_WithAFileOfExactlyTenMegabytes_StoresIt()
    {
        var content = PdfOfSize(TenMegabytes);

        var stored = Assert.Single(await _intake.StoreAllOrThrowAsync([IncomingFile.FromBytes("grande.pdf", null, content)]));

        Assert.Equal(TenMegabytes, stored.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
    }

    [Fact]
    public async Task StoreAllOrThrow_WithSeveralBadFiles_NamesEveryFieldAndStoresNothing()
    {
        IncomingFile[] files =
        [
            File("bien.pdf", "pdf"),
            File("factura.pdf", "exe"),
            File("foto.pdf", "png"),
            File("pagina.html", "txt"),
            IncomingFile.FromBytes("vacio.txt", "text/plain", []),
        ];

        var error = await Assert.ThrowsAsync<ValidationException>(() => _intake.StoreAllOrThrowAsync(files));

        var errors = error.Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Equal(["attachments[1]", "attachments[2]", "attachments[3]", "attachments[4]"], errors.Keys.Order());
        Assert.Contains("factura.pdf", errors["attachments[1]"], StringComparison.Ordinal);
        Assert.Equal("El contenido de «foto.pdf» no corresponde a su extensión.", errors["attachments[2]"]);
        Assert.StartsWith("El tipo de archivo de «pagina.html» no está permitido. Tipos permitidos: bmp, csv, doc, docx,", errors["attachments[3]"], StringComparison.Ordinal);
        Assert.Equal("El archivo «vacio.txt» está vacío.", errors["attachments[4]"]);
        Assert.Empty(_store.Files);
    }

    [Fact]
    public async Task StoreAllOrThrow_WithGoodFiles_ReturnsSanitisedNamesCanonicalTypesSizesAndHashes()
    {
        var pdf = Samples.Get("pdf");
        var docx = Samples.Get("docx");

        var stored = await _intake.StoreAllOrThrowAsync(
        [
            IncomingFile.FromBytes("C:\\Documentos\\Informe  técnico.pdf", "application/octet-stream", pdf),
            IncomingFile.FromBytes("acta.docx", "application/zip", docx),
        ]);

        Assert.Equal(new StoredAttachment("Informe técnico.pdf", "application/pdf", pdf.Length, Convert.ToHexStringLower(SHA256.HashData(pdf))), stored[0]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", stored[1].ContentType);
        Assert.Equal(docx, _store.Files[stored[1].Sha256]);
    }

    [Fact]
    public async Task StoreAllOrThrow_WithUnknownLengthStreamOverTheLimit_RefusesItWithoutReadingEverything()
    {
        var intake = new AttachmentIntake(_store, new AttachmentPolicy(new AttachmentOptions { MaxFileBytes = 100_000 }));
        var source = new UnknownLengthStream(new MemoryStream(PdfOfSize(5_000_000)));

        var error = await Assert.ThrowsAsync<ValidationException>(() => intake.StoreAllOrThrowAsync([new IncomingFile("grande.pdf", null, source)]));

        Assert.Equal("attachments[0]", Assert.Single(error.Errors).PropertyName);
        Assert.InRange(source.BytesRead, 100_001, 200_000);
        Assert.Empty(_store.Files);
    }

    [Fact]
    public async Task StoreAllOrThrow_TextWithBinaryBytesAfterItsHead_IsRefusedAsMismatch()
    {
        var text = System.Text.Encoding.UTF8.GetBytes(new string('a', 20_000));
        text[15_000] = 0;

        var error = await Assert.ThrowsAsync<ValidationException>(() => _intake.StoreAllOrThrowAsync([IncomingFile.FromBytes("notas.txt", null, text)]));

        Assert.Equal("El contenido de «notas.txt» no corresponde a su extensión.", Assert.Single(error.Errors).ErrorMessage);
        Assert.Empty(_store.Files);
    }

    [Fact]
    public async Task StoreAllOrThrow_WithAnotherFieldName_NamesThatField()
    {
        var error = await Assert.ThrowsAsync<ValidationException>(() => _intake.StoreAllOrThrowAsync([File("x.pdf", "png")], field: "files"));

        Assert.Equal("files[0]", Assert.Single(error.Errors).PropertyName);
    }

    [Fact]
    public async Task StoreAcceptable_StoresWhatIsAcceptableAndReportsTheRest()
    {
        IncomingFile[] files =
        [
            File("pantallazo.png", "png"),
            File("factura.pdf", "exe"),
            File("informe.pdf", "pdf"),
            IncomingFile.FromBytes("grande.pdf", null, PdfOfSize(TenMegabytes + 1)),
        ];

        var result = await _intake.StoreAcceptableAsync(files);

        Assert.Equal(["pantallazo.png", "informe.pdf"], result.Stored.Select(s => s.FileName));
        Assert.Equal(2, _store.Files.Count);
        Assert.Equal([(1, AttachmentRefusals.Dangerous), (3, AttachmentRefusals.TooLarge)], result.Refused.Select(r => (r.Index, r.RefusalCode!)));
        Assert.All(result.Refused, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
        Assert.Equal(
            [new AttachmentOutcome("pantallazo.png", true, null), new AttachmentOutcome("factura.pdf", false, AttachmentRefusals.Dangerous), new AttachmentOutcome("informe.pdf", true, null), new AttachmentOutcome("grande.pdf", false, AttachmentRefusals.TooLarge)],
            result.ToContractOutcomes());
    }

    [Fact]
    public async Task StoreAcceptable_WithTwelveFiles_StoresTheFirstTenAndRefusesTheOthersAsTooMany()
    {
        var files = Enumerable.Range(1, 12).Select(i => IncomingFile.FromBytes($"nota{i}.txt", null, System.Text.Encoding.UTF8.GetBytes($"nota {i}"))).ToArray();

        var result = await _intake.StoreAcceptableAsync(files);

        Assert.Equal(10, result.Stored.Count);
        Assert.Equal([10, 11], result.Refused.Select(r => r.Index));
        Assert.All(result.Refused, r => Assert.Equal(AttachmentRefusals.TooMany, r.RefusalCode));
    }

    [Fact]
    public async Task StoreAcceptable_FromMailContracts_UsesTheSameChecks()
    {
        var mail = new[] { new IncomingAttachment("foto.png", "image/png", Samples.Get("png")), new IncomingAttachment("virus.js", "text/plain", "alert(1)"u8.ToArray()) };

        var result = await _intake.StoreAcceptableAsync(mail.Select(IncomingFile.From).ToArray());

        Assert.Equal([true, false], result.Outcomes.Select(o => o.IsStored));
        Assert.Equal(AttachmentRefusals.Dangerous, result.Outcomes[1].RefusalCode);
    }

    [Fact]
    public async Task StoreAcceptable_InEnglish_ExplainsInEnglish()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");

        var result = await _intake.StoreAcceptableAsync([File("foto.pdf", "png")]);

        Assert.Equal("The content of “foto.pdf” does not match its extension.", Assert.Single(result.Refused).Message);
    }

    [Fact]
    public async Task StoreAllOrThrow_SameContentTwice_GivesTheSameHash()
    {
        var stored = await _intake.StoreAllOrThrowAsync([File("a.png", "png"), File("b.png", "png")]);

        Assert.Equal(stored[0].Sha256, stored[1].Sha256);
        Assert.Single(_store.Files);
    }

    [Fact]
    public async Task StoredAttachment_OpensUnderItsCheckedNameAndType()
    {
        var stored = Assert.Single(await _intake.StoreAllOrThrowAsync([File("foto.png", "png")]));

        await using var content = await _store.OpenAsync(stored.Sha256, stored.FileName, stored.ContentType, stored.SizeBytes);

        Assert.Equal(("foto.png", "image/png", stored.SizeBytes), (content.FileName, content.ContentType, content.SizeBytes));
    }

    [Fact]
    public async Task Validate_ReportsTheSameFieldErrorsWithoutStoring_AndLeavesTheStreamsReadyToStore()
    {
        IncomingFile[] files = [File("bien.pdf", "pdf"), File("foto.pdf", "png"), IncomingFile.FromBytes("grande.pdf", null, PdfOfSize(TenMegabytes + 1))];

        var failures = await _intake.ValidateAsync(files);

        Assert.Equal(["attachments[1]", "attachments[2]"], failures.Select(f => f.PropertyName));
        Assert.Empty(_store.Files);
        Assert.All(files, f => Assert.Equal(0, f.Content.Position));
        var stored = await _intake.StoreAllOrThrowAsync([files[0]]);
        Assert.Equal(Samples.Get("pdf").Length, Assert.Single(stored).SizeBytes);
    }

    [Fact]
    public async Task Validate_WithElevenFiles_ReportsTooManyOnTheField()
    {
        var files = Enumerable.Range(1, 11).Select(i => File($"foto{i}.png", "png")).ToArray();

        var failure = Assert.Single(await _intake.ValidateAsync(files, field: "files"));

        Assert.Equal("files", failure.PropertyName);
    }
}
