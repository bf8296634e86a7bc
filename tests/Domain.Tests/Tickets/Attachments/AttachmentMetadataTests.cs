using MesaServicios.Domain.Common;
using MesaServicios.Domain.Tickets.Attachments;

namespace MesaServicios.Domain.Tests.Tickets.Attachments;

public sealed class AttachmentMetadataTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 13, 0, 0, TimeSpan.Zero);
    private static readonly string Sha = new('a', 64);

    [Fact]
    public void Create_KeepsWhatItIsGiven()
    {
        var uploader = Guid.NewGuid();

        var attachment = AttachmentMetadata.Create(Sha, " acta.pdf ", "application/pdf", 1234, uploader, Now);

        Assert.NotEqual(Guid.Empty, attachment.Id);
        Assert.Equal((Sha, "acta.pdf", "application/pdf", 1234L, Now, (Guid?)uploader), (attachment.Sha256, attachment.FileName, attachment.ContentType, attachment.SizeBytes, attachment.UploadedAt, attachment.UploadedBy));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../../../../../../../../../../../../../../../../../etc/passwd")]
    public void Create_WithAHashThatIsNotLowercaseHexSha256_IsRefused(string sha) =>
        Assert.Equal("attachments.invalid_hash", Assert.Throws<DomainException>(() => AttachmentMetadata.Create(sha, "a.pdf", "application/pdf", 1, null, Now)).Code);

    [Fact]
    public void Create_EmptyFile_IsRefused() =>
        Assert.Equal("attachments.empty", Assert.Throws<DomainException>(() => AttachmentMetadata.Create(Sha, "a.pdf", "application/pdf", 0, null, Now)).Code);

    [Fact]
    public void Create_WithoutName_IsRefused() =>
        Assert.Equal("attachments.name_required", Assert.Throws<DomainException>(() => AttachmentMetadata.Create(Sha, "  ", "application/pdf", 1, null, Now)).Code);
}
