using MesaServicios.Application.Tickets.Attachments;

namespace MesaServicios.Application.Tests.Tickets.Attachments;

public sealed class AttachmentPolicyTests
{
    private readonly AttachmentPolicy _policy = new(new AttachmentOptions());

    private AttachmentDecision Evaluate(string fileName, string sample, string? declared = null)
    {
        var bytes = Samples.Get(sample);
        return _policy.Evaluate(fileName, declared, bytes.Length, bytes.AsSpan(0, Math.Min(bytes.Length, AttachmentPolicy.HeadLength)));
    }

    [Theory]
    [InlineData("informe.pdf", "pdf", "application/pdf")]
    [InlineData("pantallazo.png", "png", "image/png")]
    [InlineData("foto.jpg", "jpeg", "image/jpeg")]
    [InlineData("FOTO.JPEG", "jpeg", "image/jpeg")]
    [InlineData("animacion.gif", "gif", "image/gif")]
    [InlineData("imagen.webp", "webp", "image/webp")]
    [InlineData("imagen.bmp", "bmp", "image/bmp")]
    [InlineData("notas.txt", "txt", "text/plain")]
    [InlineData("servidor.log", "log-latin1", "text/plain")]
    [InlineData("usuarios.csv", "csv-latin1", "text/csv")]
    [InlineData("acta.docx", "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("inventario.xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("charla.pptx", "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation")]
    [InlineData("acta.odt", "odt", "application/vnd.oasis.opendocument.text")]
    [InlineData("inventario.ods", "ods", "application/vnd.oasis.opendocument.spreadsheet")]
    [InlineData("charla.odp", "odp", "application/vnd.oasis.opendocument.presentation")]
    [InlineData("acta.doc", "cfb", "application/msword")]
    [InlineData("inventario.xls", "cfb", "application/vnd.ms-excel")]
    [InlineData("charla.ppt", "cfb", "application/vnd.ms-powerpoint")]
    [InlineData("fotos.zip", "zip", "application/zip")]
    [InlineData("reenviado.eml", "eml", "message/rfc822")]
    [InlineData("video.mp4", "mp4", "video/mp4")]
    [InlineData("edificio.txt", "mz-text", "text/plain")]
    public void Evaluate_RealFileOfAnAllowedType_IsAcceptedWithItsCanonicalType(string fileName, string sample, string contentType)
    {
        var decision = Evaluate(fileName, sample, declared: "application/octet-stream");

        Assert.True(decision.Accepted, decision.RefusalCode);
        Assert.Equal(contentType, decision.ContentType);
    }

    [Theory]
    [InlineData("factura.pdf", "exe")]
    [InlineData("programa.exe", "exe")]
    [InlineData("foto.png", "elf")]
    [InlineData("leeme.txt", "elf")]
    [InlineData("foto.jpg", "macho")]
    [InlineData("acta.docx", "java-class")]
    [InlineData("notas.txt", "shebang")]
    [InlineData("informe.pdf", "shortcut")]
    [InlineData("acta.doc", "msi")]
    [InlineData("fotos.zip", "zip-with-exe")]
    [InlineData("acta.docx", "docm")]
    public void Evaluate_ProgramOrScriptWhateverItsName_IsRefusedAsDangerous(string fileName, string sample)
    {
        var decision = Evaluate(fileName, sample);

        Assert.False(decision.Accepted);
        Assert.Equal(AttachmentRefusals.Dangerous, decision.RefusalCode);
    }

    [Theory]
    [InlineData("instalar.exe")]
    [InlineData("script.bat")]
    [InlineData("script.cmd")]
    [InlineData("script.ps1")]
    [InlineData("script.sh")]
    [InlineData("script.js")]
    [InlineData("script.vbs")]
    [InlineData("paquete.msi")]
    [InlineData("app.jar")]
    [InlineData("factura.pdf.exe")]
    [InlineData("factura.exe.pdf")]
    [InlineData("FACTURA.PDF.EXE")]
    [InlineData("factura\u202Efdp.exe")]
    public void Evaluate_ExecutableOrScriptExtension_IsRefusedAsDangerousEvenWithHarmlessContent(string fileName)
    {
        var decision = Evaluate(fileName, "pdf");

        Assert.Equal(AttachmentRefusals.Dangerous, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_DeclaredAsAProgram_IsRefusedAsDangerous()
    {
        var decision = Evaluate("informe.pdf", "pdf", declared: "application/x-msdownload");

        Assert.Equal(AttachmentRefusals.Dangerous, decision.RefusalCode);
    }

    [Theory]
    [InlineData("foto.pdf", "png")]
    [InlineData("informe.png", "pdf")]
    [InlineData("foto.jpg", "gif")]
    [InlineData("acta.docx", "zip")]
    [InlineData("acta.docx", "odt")]
    [InlineData("inventario.xlsx", "docx")]
    [InlineData("acta.odt", "ods")]
    [InlineData("acta.odt", "docx")]
    [InlineData("acta.doc", "docx")]
    [InlineData("fotos.zip", "pdf")]
    [InlineData("video.mp4", "png")]
    [InlineData("notas.txt", "text-with-nul")]
    [InlineData("notas.txt", "png")]
    [InlineData("correo.eml", "pdf")]
    [InlineData("imagen.webp", "bmp")]
    public void Evaluate_ContentOfAnotherType_IsRefusedAsMismatch(string fileName, string sample)
    {
        var decision = Evaluate(fileName, sample);

        Assert.Equal(AttachmentRefusals.ContentMismatch, decision.RefusalCode);
    }

    [Theory]
    [InlineData("pagina.html")]
    [InlineData("dibujo.svg")]
    [InlineData("sin-extension")]
    [InlineData("archivo.")]
    public void Evaluate_ExtensionNotInTheList_IsRefused(string fileName)
    {
        var decision = Evaluate(fileName, "txt");

        Assert.Equal(AttachmentRefusals.ExtensionNotAllowed, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_EmptyFile_IsRefusedAsEmpty()
    {
        var decision = _policy.Evaluate("vacio.txt", "text/plain", 0, ReadOnlySpan<byte>.Empty);

        Assert.Equal(AttachmentRefusals.Empty, decision.RefusalCode);
    }

    [Fact]
    public void Evaluate_OneByteOverTheLimit_IsRefusedAsTooLarge()
    {
        var bytes = Samples.Get("pdf");

        var atLimit = _policy.Evaluate("a.pdf", null, 10 * 1024 * 1024, bytes);
        var overLimit = _policy.Evaluate("a.pdf", null, (10 * 1024 * 1024) + 1, bytes);

        Assert.True(atLimit.Accepted);
        Assert.Equal(AttachmentRefusals.TooLarge, overLimit.RefusalCode);
    }

    [Fact]
    public void Evaluate_WithConfiguredExtensions_AcceptsOnlyThoseAndStillRefusesPrograms()
    {
        var policy = new AttachmentPolicy(new AttachmentOptions { AllowedExtensions = ["PDF", ".dwg", "exe"] });
        var pdf = Samples.Get("pdf");
        var exe = Samples.Get("exe");

        Assert.True(policy.Evaluate("a.pdf", null, pdf.Length, pdf).Accepted);
        Assert.Equal(AttachmentRefusals.ExtensionNotAllowed, policy.Evaluate("a.png", null, 10, Samples.Get("png")).RefusalCode);
        Assert.Equal(AttachmentTypes.OctetStream, policy.Evaluate("plano.dwg", null, 10, "AC1032\0\0"u8).ContentType);
        Assert.Equal(AttachmentRefusals.Dangerous, policy.Evaluate("setup.exe", null, exe.Length, exe).RefusalCode);
        Assert.Equal(AttachmentRefusals.Dangerous, policy.Evaluate("plano.dwg", null, exe.Length, exe).RefusalCode);
    }

    [Fact]
    public void Evaluate_TextTypes_AskForTheWholeContentToBeChecked()
    {
        Assert.True(Evaluate("notas.txt", "txt").RequiresTextContent);
        Assert.True(Evaluate("correo.eml", "eml").RequiresTextContent);
        Assert.False(Evaluate("informe.pdf", "pdf").RequiresTextContent);
    }

    [Fact]
    public void Evaluate_ReturnsTheSanitisedName()
    {
        var decision = Evaluate("C:\\Users\\ana\\Escritorio\\  informe\u0007 final .pdf", "pdf");

        Assert.Equal("informe final .pdf", decision.FileName);
    }
}
