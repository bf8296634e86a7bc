using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MesaServicios.Domain.Users;
using MesaServicios.WebApi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Users;

public sealed class ImportUsersTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public ImportUsersTests(MesaApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Import_ExcelSemicolonWithBomAndSpanishHeaders_CreatesUpdatesAndRejectsRowByRow()
    {
        var admin = await _factory.AdminAsync();
        var existing = await _factory.CreateUserAsync(UserRole.Requester, email: "ya.existe@iescinoc.edu.co", fullName: "Ya Existe", department: "Rectoría");
        var csv = """"
            Correo;Nombre;Dependencia;Teléfono;Rol
            ana.import@iescinoc.edu.co;Ana Importada;Facultad de Ingeniería;3001112233;técnico
            YA.EXISTE@iescinoc.edu.co;;Bienestar Universitario;;Technician
            no-es-correo;Sin Correo;;;
            alguien@gmail.com;De Afuera;;;
            sin.nombre@iescinoc.edu.co;;;;
            rol.raro@iescinoc.edu.co;Rol Raro;;;Rector
            ana.import@iescinoc.edu.co;Ana Repetida;;;
            "luis.import@iescinoc.edu.co";"Pérez; Luis ""Lucho""";"Oficina TIC";;
            """";

        var response = await Upload(admin, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray());

        var result = await (await response.EnsureSuccessAsync()).JsonAsync();
        Assert.Equal(2, result.GetProperty("created").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());
        Assert.Equal(5, result.GetProperty("rejected").GetInt32());
        var rows = result.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32());
        Assert.Equal("created", rows[2].GetProperty("outcome").GetString());
        Assert.Equal("updated", rows[3].GetProperty("outcome").GetString());
        AssertRejected(rows[4], "users.email_invalid");
        AssertRejected(rows[5], "users.email_domain_not_allowed");
        AssertRejected(rows[6], "users.name_required");
        AssertRejected(rows[7], "users.role_invalid");
        var duplicate = AssertRejected(rows[8], "users.import_duplicate_in_file");
        Assert.Equal("El correo ya aparece en la línea 2 del archivo.", duplicate.GetProperty("message").GetString());
        Assert.Equal("created", rows[9].GetProperty("outcome").GetString());

        var users = await _factory.WithDbAsync(db => ((MesaServicios.Application.Users.IUsersDbContext)db).Users.AsNoTracking()
            .Where(u => u.Email == "ana.import@iescinoc.edu.co" || u.Email == "ya.existe@iescinoc.edu.co" || u.Email == "luis.import@iescinoc.edu.co")
            .ToDictionaryAsync(u => u.Email));
        Assert.Equal(UserRole.Technician, users["ana.import@iescinoc.edu.co"].Role);
        Assert.Equal("3001112233", users["ana.import@iescinoc.edu.co"].Phone);
        Assert.Equal("Pérez; Luis \"Lucho\"", users["luis.import@iescinoc.edu.co"].FullName);
        Assert.Equal("Ya Existe", users["ya.existe@iescinoc.edu.co"].FullName);
        Assert.Equal("Bienestar Universitario", users["ya.existe@iescinoc.edu.co"].Department);
        Assert.Equal(UserRole.Technician, users["ya.existe@iescinoc.edu.co"].Role);
        Assert.Equal("users.invitation", Assert.Single(await _factory.QueuedToAsync("ana.import@iescinoc.edu.co")).Kind);
        Assert.Single(await _factory.QueuedToAsync("luis.import@iescinoc.edu.co"));
        Assert.Empty(await _factory.QueuedToAsync(existing.Email));
        Assert.Empty(await _factory.QueuedToAsync("sin.nombre@iescinoc.edu.co"));
    }

    [Fact]
    public async Task Import_CommaSeparatedWithoutBom_EnglishHeadersInAnyCase()
    {
        var admin = await _factory.AdminAsync();
        var csv = "EMAIL,Name,DEPARTMENT,phone,Role\r\ncoma.uno@iescinoc.edu.co,Coma Uno,Biblioteca,,requester\r\n";

        var result = await (await (await Upload(admin, Encoding.UTF8.GetBytes(csv))).EnsureSuccessAsync()).JsonAsync();

        var row = Assert.Single(result.GetProperty("rows").EnumerateArray());
        Assert.Equal("created", row.GetProperty("outcome").GetString());
        Assert.Equal("coma.uno@iescinoc.edu.co", row.GetProperty("email").GetString());
        Assert.Equal(2, row.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Import_ReasonsAreInEnglish_OnRequest()
    {
        var admin = await _factory.AdminAsync();
        admin.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var result = await (await (await Upload(admin, Encoding.UTF8.GetBytes("email,name\nsin-arroba,Alguien\n"))).EnsureSuccessAsync()).JsonAsync();

        var error = result.GetProperty("rows")[0].GetProperty("errors")[0];
        Assert.Equal("The e-mail address is not valid.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Import_WithoutAnEmailColumn_Returns400_AndChangesNothing()
    {
        var admin = await _factory.AdminAsync();
        var before = await CountUsersAsync();

        var response = await Upload(admin, Encoding.UTF8.GetBytes("nombre;dependencia\nSin Correo;Rectoría\n"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        Assert.Equal(before, await CountUsersAsync());
    }

    [Fact]
    public async Task Import_OfABinaryFile_Returns400()
    {
        var admin = await _factory.AdminAsync();
        var before = await CountUsersAsync();
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x00];

        var response = await Upload(admin, zip);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("El archivo no es un CSV de texto en UTF-8.", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(before, await CountUsersAsync());
    }

    [Fact]
    public async Task Import_WithoutAFile_Returns400()
    {
        var admin = await _factory.AdminAsync();

        var response = await admin.Client.PostAsync("/api/v1/users/import", new MultipartFormDataContent());

        await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Import_OfMoreThan2MB_Returns413()
    {
        var admin = await _factory.AdminAsync();
        var big = Encoding.UTF8.GetBytes("email,name\n" + new string('x', (2 * 1024 * 1024) + 10));

        var response = await Upload(admin, big);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, "common.payload_too_large");
    }

    [Fact]
    public async Task Import_OfMoreThan5000Rows_Returns400_AndChangesNothing()
    {
        var admin = await _factory.AdminAsync();
        var before = await CountUsersAsync();
        var csv = new StringBuilder("email,name\n");
        for (var i = 0; i < 5001; i++)
        {
            csv.Append(CultureInfoInvariant($"fila{i}@iescinoc.edu.co,Fila {i}\n"));
        }

        var response = await Upload(admin, Encoding.UTF8.GetBytes(csv.ToString()));

        await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(before, await CountUsersAsync());
    }

    [Fact]
    public async Task Import_CannotDemoteTheLastActiveAdministrator()
    {
        var admin = await _factory.AdminAsync();

        var result = await (await (await Upload(admin, Encoding.UTF8.GetBytes($"email,role\n{MesaApiFactory.AdminEmail},Requester\n"))).EnsureSuccessAsync()).JsonAsync();

        AssertRejected(result.GetProperty("rows")[0], "users.last_administrator");
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/api/v1/users")).StatusCode);
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static JsonElement AssertRejected(JsonElement row, string code)
    {
        Assert.Equal("rejected", row.GetProperty("outcome").GetString());
        var errors = row.GetProperty("errors").EnumerateArray().ToList();
        var error = Assert.Single(errors, e => e.GetProperty("code").GetString() == code);
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        return error;
    }

    private Task<int> CountUsersAsync() =>
        _factory.WithDbAsync(db => ((MesaServicios.Application.Users.IUsersDbContext)db).Users.CountAsync());

    private static async Task<HttpResponseMessage> Upload(TestUser admin, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "usuarios.csv");
        return await admin.Client.PostAsync("/api/v1/users/import", form);
    }
}
