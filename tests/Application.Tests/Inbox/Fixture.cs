using MesaServicios.Application.Inbox.Parsing;

namespace MesaServicios.Application.Tests.Inbox;

/// <summary>The .eml corpus written for these tests (Inbox/Fixtures, copied next to the test assembly).</summary>
internal static class Fixture
{
    public static byte[] Raw(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Inbox", "Fixtures", name));

    public static ParsedMail Parse(string name) => MailParser.Parse(Raw(name));
}
