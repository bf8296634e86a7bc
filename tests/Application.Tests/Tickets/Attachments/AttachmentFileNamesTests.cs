using MesaServicios.Application.Tickets.Attachments;

namespace MesaServicios.Application.Tests.Tickets.Attachments;

public sealed class AttachmentFileNamesTests
{
    [Theory]
    [InlineData("informe.pdf", "informe.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Windows\\system32\\foto.png", "foto.png")]
    [InlineData("  acta   de   reunión.docx  ", "acta de reunión.docx")]
    [InlineData("factura\u202Efdp.exe", "facturafdp.exe")]
    [InlineData("nombre\r\nX-Header: malo.txt", "nombre X-Header_ malo.txt")]
    [InlineData("que?es<esto>|\"*.txt", "que_es_esto____.txt")]
    [InlineData("...", "adjunto")]
    [InlineData("", "adjunto")]
    [InlineData(null, "adjunto")]
    [InlineData(".htaccess", "htaccess")]
    [InlineData("CON.txt", "_CON.txt")]
    [InlineData("lpt1", "_lpt1")]
    [InlineData("Informe te\u0301cnico.pdf", "Informe técnico.pdf")]
    public void Sanitize_ReturnsASafeName(string? raw, string expected)
    {
        Assert.Equal(expected, AttachmentFileNames.Sanitize(raw));
    }

    [Fact]
    public void Sanitize_VeryLongName_KeepsTheExtension()
    {
        var name = AttachmentFileNames.Sanitize(new string('a', 500) + ".pdf");

        Assert.Equal(200, name.Length);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.PDF", "pdf")]
    [InlineData("a.tar.gz", "gz")]
    [InlineData("sin", "")]
    [InlineData(".oculto", "")]
    public void Extension_IsTheLastOneInLowercase(string name, string expected) =>
        Assert.Equal(expected, AttachmentFileNames.Extension(name));
}
