using System.IO.Compression;
using System.Text;

namespace MesaServicios.Application.Tests.Tickets.Attachments;

/// <summary>A corpus of small but real files of every type the desk knows, and of the things it must refuse.</summary>
internal static class Samples
{
    public static byte[] Get(string sample) => sample switch
    {
        "pdf" => Pdf(),
        "png" => Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
        "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9],
        "gif" => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"),
        "webp" => Webp(),
        "bmp" => Bmp(),
        "txt" => Encoding.UTF8.GetBytes("La impresora del bloque B no imprime desde el lunes.\r\nPiso 2, oficina 204. Ñandú, acción, €.\n"),
        "log-latin1" => Encoding.Latin1.GetBytes("2026-03-02 08:15:01 ERROR conexión rechazada por el servidor\n\tcódigo=42\n"),
        "csv-latin1" => Encoding.Latin1.GetBytes("nombre;dependencia;teléfono\r\nAna Muñoz;Facultad de Ingeniería;3001234567\r\n"),
        "text-with-nul" => [.. "texto"u8, 0x00, .. "binario"u8],
        "docx" => OfficeOpenXml("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
        "xlsx" => OfficeOpenXml("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        "pptx" => OfficeOpenXml("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
        "docm" => OfficeOpenXml("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml", "word/vbaProject.bin"),
        "odt" => OpenDocument("application/vnd.oasis.opendocument.text"),
        "ods" => OpenDocument("application/vnd.oasis.opendocument.spreadsheet"),
        "odp" => OpenDocument("application/vnd.oasis.opendocument.presentation"),
        "cfb" => CompoundFile(installer: false),
        "msi" => CompoundFile(installer: true),
        "zip" => Zip(("leeme.txt", "Hola"u8.ToArray()), ("fotos/pantalla.png", Get("png"))),
        "zip-with-exe" => Zip(("leeme.txt", "Hola"u8.ToArray()), ("instalador.exe", Get("exe"))),
        "eml" => Encoding.UTF8.GetBytes("Return-Path: <ana@iescinoc.edu.co>\r\nFrom: Ana <ana@iescinoc.edu.co>\r\nTo: soporte@iescinoc.edu.co\r\nSubject: Impresora\r\n\r\nNo imprime.\r\n"),
        "mp4" => [0x00, 0x00, 0x00, 0x18, .. "ftypisom"u8, 0x00, 0x00, 0x02, 0x00, .. "isomiso2"u8, 0x00, 0x00, 0x00, 0x08, .. "free"u8],
        "exe" => PortableExecutable(),
        "elf" => [0x7F, .. "ELF"u8, 0x02, 0x01, 0x01, 0x00, .. new byte[56]],
        "macho" => [0xCF, 0xFA, 0xED, 0xFE, 0x07, 0x00, 0x00, 0x01, .. new byte[24]],
        "java-class" => [0xCA, 0xFE, 0xBA, 0xBE, 0x00, 0x00, 0x00, 0x41, .. new byte[16]],
        "shebang" => "#!/bin/sh\nrm -rf ~\n"u8.ToArray(),
        "shortcut" => [0x4C, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00, .. new byte[68]],
        "mz-text" => "MZ es la sigla del edificio; la red no funciona.\n"u8.ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(sample), sample, "unknown sample"),
    };

    /// <summary>A complete one-page PDF with a correct cross-reference table.</summary>
    private static byte[] Pdf()
    {
        var objects = new[]
        {
            "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n",
            "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] >>\nendobj\n",
        };
        var builder = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        foreach (var obj in objects)
        {
            offsets.Add(builder.Length);
            builder.Append(obj);
        }

        var xref = builder.Length;
        builder.Append("xref\n0 4\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            builder.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        builder.Append("trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    private static byte[] Webp()
    {
        byte[] vp8L = [.. "VP8L"u8, 0x0A, 0x00, 0x00, 0x00, 0x2F, 0x00, 0x00, 0x00, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0x00];
        var size = BitConverter.GetBytes(4 + vp8L.Length);
        return [.. "RIFF"u8, .. size, .. "WEBP"u8, .. vp8L];
    }

    private static byte[] Bmp()
    {
        var bmp = new byte[58];
        "BM"u8.CopyTo(bmp);
        BitConverter.GetBytes(58).CopyTo(bmp, 2);
        BitConverter.GetBytes(54).CopyTo(bmp, 10);
        BitConverter.GetBytes(40).CopyTo(bmp, 14);
        BitConverter.GetBytes(1).CopyTo(bmp, 18);
        BitConverter.GetBytes(1).CopyTo(bmp, 22);
        BitConverter.GetBytes((short)1).CopyTo(bmp, 26);
        BitConverter.GetBytes((short)24).CopyTo(bmp, 28);
        bmp[54] = 0xFF;
        return bmp;
    }

    private static byte[] OfficeOpenXml(string mainPart, string mainContentType, string? extraPart = null)
    {
        var contentTypes = $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/{mainPart}" ContentType="{mainContentType}"/></Types>""";
        var rels = $"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{mainPart}"/></Relationships>""";
        var entries = new List<(string, byte[])>
        {
            ("[Content_Types].xml", Encoding.UTF8.GetBytes(contentTypes)),
            ("_rels/.rels", Encoding.UTF8.GetBytes(rels)),
            (mainPart, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><document/>"u8.ToArray()),
        };
        if (extraPart is not null)
        {
            entries.Add((extraPart, [1, 2, 3]));
        }

        return Zip([.. entries]);
    }

    private static byte[] OpenDocument(string mimeType)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            var mimetype = archive.CreateEntry("mimetype", CompressionLevel.NoCompression);
            using (var stream = mimetype.Open())
            {
                stream.Write(Encoding.ASCII.GetBytes(mimeType));
            }

            Add(archive, "content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content/>"u8.ToArray());
            Add(archive, "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest/>"u8.ToArray());
        }

        return memory.ToArray();
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                Add(archive, name, content);
            }
        }

        return memory.ToArray();
    }

    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        using var stream = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        stream.Write(content);
    }

    /// <summary>A compound file (as .doc/.xls/.ppt use) whose root entry sits in the first directory sector; an installer's root carries the MSI class id.</summary>
    private static byte[] CompoundFile(bool installer)
    {
        var file = new byte[1536];
        byte[] magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        magic.CopyTo(file, 0);
        BitConverter.GetBytes((ushort)0x003E).CopyTo(file, 24);
        BitConverter.GetBytes((ushort)0x0003).CopyTo(file, 26);
        BitConverter.GetBytes((ushort)0xFFFE).CopyTo(file, 28);
        BitConverter.GetBytes((ushort)9).CopyTo(file, 30);
        BitConverter.GetBytes((ushort)6).CopyTo(file, 32);
        BitConverter.GetBytes(0u).CopyTo(file, 48);
        var root = 512;
        Encoding.Unicode.GetBytes("Root Entry").CopyTo(file, root);
        file[root + 66] = 5;
        if (installer)
        {
            byte[] msi = [0x84, 0x10, 0x0C, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46];
            msi.CopyTo(file, root + 80);
        }

        return file;
    }

    private static byte[] PortableExecutable()
    {
        var exe = new byte[512];
        "MZ"u8.CopyTo(exe);
        BitConverter.GetBytes(0x80).CopyTo(exe, 0x3C);
        "PE\0\0"u8.CopyTo(exe.AsSpan(0x80));
        BitConverter.GetBytes((ushort)0x8664).CopyTo(exe, 0x84);
        return exe;
    }
}
