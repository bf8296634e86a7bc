using System.Text;

namespace MesaServicios.WebApi.Tests.Tickets.Attachments;

internal static class TestFiles
{
    public static byte[] Png { get; } = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static byte[] Pdf { get; } = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Exe { get; } = PortableExecutable();

    /// <summary>A PDF padded with spaces to <paramref name="size"/> bytes.</summary>
    public static byte[] PdfOfSize(int size)
    {
        var bytes = Enumerable.Repeat((byte)' ', size).ToArray();
        Pdf.CopyTo(bytes, 0);
        return bytes;
    }

    public static byte[] Random(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] PortableExecutable()
    {
        var exe = new byte[512];
        "MZ"u8.CopyTo(exe);
        BitConverter.GetBytes(0x80).CopyTo(exe, 0x3C);
        "PE\0\0"u8.CopyTo(exe.AsSpan(0x80));
        return exe;
    }
}
