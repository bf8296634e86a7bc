namespace MesaServicios.Domain.Common;

internal static class Guard
{
    public static string NotBlank(string? value, string code)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(code);
        }

        return value.Trim();
    }
}
