using System.Globalization;
using System.Text;

namespace MesaServicios.Domain.Common;

/// <summary>Text as people search it: lower case, accents removed ("Impresión" → "impresion", "AÑO" → "ano").</summary>
public static class TextFolding
{
    public static string Fold(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
