using System.IO.Compression;
using System.Net;
using MesaServicios.Domain.Tickets;
using MesaServicios.WebApi.Tests.Support;
using MesaServicios.WebApi.Tests.Tickets.Attachments;
using Microsoft.EntityFrameworkCore;

namespace MesaServicios.WebApi.Tests.Hardening;

/// <summary>Every entry of an archive is judged (central directory), not only those within its first bytes.</summary>
public sealed class ArchiveInspectionTests : IClassFixture<MesaApiFactory>
{
    private readonly MesaApiFactory _factory;

    public ArchiveInspectionTests(MesaApiFactory factory) => _factory = factory;

    private string StoredPath(string sha256) => Path.Combine(_factory.DataDirectory, "attachments", sha256[..2], sha256[2..4], sha256);

    [Theory]
    [InlineData("herramienta.exe")]
    [InlineData("carpeta/instalar.ps1")]
    [InlineData("otro.zip")]
    public async Task AZip_WithADangerousOrNestedEntryAfterTheFirst8KB_IsRefused(string hiddenEntry)
    {
        var requester = await _factory.CreateUserAsync();
        var before = await _factory.WithDbAsync(db => db.Set<Ticket>().CountAsync());
        var zip = Zip(("leeme.txt", TestFiles.Random(20_000, 7)), (hiddenEntry, TestFiles.Random(64, 3)));

        var response = await requester.Client.PostAsync("/api/v1/tickets", TicketForms.Ticket(files: [("documentos.zip", zip)]));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("attachments[0]", out _), problem.ToString());
        Assert.Equal(before, await _factory.WithDbAsync(db => db.Set<Ticket>().CountAsync()));
        Assert.False(File.Exists(StoredPath(TicketForms.Sha256(zip))));
        Assert.DoesNotContain("supera", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZip_OfOrdinaryFiles_IsAccepted()
    {
        var requester = await _factory.CreateUserAsync();
        var zip = Zip(("leeme.txt", TestFiles.Random(20_000, 7)), ("fotos/captura.png", TestFiles.Png));

        var response = await requester.Client.PostAsync("/api/v1/tickets", TicketForms.Ticket(files: [("documentos.zip", zip)]));

        await response.EnsureSuccessAsync();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                // Stored, not compressed: the first entry alone fills the first 8 KB.
                var entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
