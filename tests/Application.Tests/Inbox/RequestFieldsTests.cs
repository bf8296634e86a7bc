using MesaServicios.Application.Inbox.Parsing;

namespace MesaServicios.Application.Tests.Inbox;

public sealed class RequestFieldsTests
{
    [Fact]
    public void Extract_LabelsWithColons()
    {
        var fields = RequestFields.Extract(Fixture.Parse("request-plain-labels.eml").TextBody);

        Assert.Equal("Ana María Gómez", fields.Name);
        Assert.Equal("Facultad de Ingeniería", fields.Department);
        Assert.Equal("300 123 4567", fields.Phone);
        Assert.Equal("Necesito que instalen el programa AutoCAD en el equipo\nde la sala 204, para las clases del lunes.", fields.Detail);
        Assert.Empty(fields.Missing());
    }

    [Fact]
    public void Extract_UpperCaseLabelsWithoutColonsOrAccents_AndDetailOnTheNextLines()
    {
        var fields = RequestFields.Extract(Fixture.Parse("request-labels-loose.eml").TextBody);

        Assert.Equal("Juan Pérez", fields.Name);
        Assert.Equal("Biblioteca", fields.Department);
        Assert.Equal("3109876543", fields.Phone);
        Assert.StartsWith("Solicito la creación de un correo institucional para el nuevo auxiliar de la biblioteca", fields.Detail, StringComparison.Ordinal);
        Assert.Empty(fields.Missing());
    }

    [Theory]
    [InlineData("request-html-only.eml", "Laura Ruiz", "Bienestar Universitario", "315 222 3344")]
    [InlineData("request-iso-8859-1.eml", "José Núñez", "Rectoría", "6017654321")]
    [InlineData("request-windows-1252-base64.eml", "Sofía Díaz", "Contabilidad", "3201112233")]
    [InlineData("request-attachments.eml", "Carlos Mora", "Almacén", "3005556677")]
    public void Extract_FromEveryEncoding(string fixture, string name, string department, string phone)
    {
        var fields = RequestFields.Extract(Fixture.Parse(fixture).TextBody);

        Assert.Equal(name, fields.Name);
        Assert.Equal(department, fields.Department);
        Assert.Equal(phone, fields.Phone);
        Assert.False(string.IsNullOrWhiteSpace(fields.Detail));
    }

    [Fact]
    public void Extract_FreeTextOnly_ListsTheMissingLabelledFields()
    {
        var fields = RequestFields.Extract(Fixture.Parse("request-missing-fields.eml").TextBody);

        Assert.Equal([RequestFields.NameField, RequestFields.DepartmentField, RequestFields.PhoneField], fields.Missing());
        Assert.StartsWith("La impresora del segundo piso", fields.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("telefono: 123", "123")]
    [InlineData("Teléfono 300 111 2222", "300 111 2222")]
    [InlineData("NÚMERO DE CONTACTO = 3001112222", "3001112222")]
    [InlineData("Celular: +57 310 000 0000", "+57 310 000 0000")]
    [InlineData("- Tel: 6011234", "6011234")]
    public void Extract_PhoneLabelVariants(string line, string phone)
    {
        Assert.Equal(phone, RequestFields.Extract(line).Phone);
    }

    [Fact]
    public void Extract_ProseThatStartsLikeALabel_IsNotALabel()
    {
        var fields = RequestFields.Extract("Nombre de usuario bloqueado desde ayer en el portal.\nSolicitud urgente por favor");

        Assert.Null(fields.Name);
        Assert.Contains("Nombre de usuario bloqueado", fields.Detail, StringComparison.Ordinal);
    }
}
