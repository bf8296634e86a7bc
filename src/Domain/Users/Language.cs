namespace MesaServicios.Domain.Users;

/// <summary>Languages people read the desk in. Spanish (Colombia) is the default.</summary>
public static class Language
{
    public const string Spanish = "es";
    public const string English = "en";

    public static IReadOnlyList<string> Supported { get; } = [Spanish, English];

    public static string Normalize(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return Spanish;
        }

        var two = language.Trim().ToLowerInvariant();
        two = two.Length > 2 ? two[..2] : two;
        return Supported.Contains(two) ? two : Spanish;
    }
}
