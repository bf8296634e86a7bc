using FluentValidation;
using FluentValidation.Results;
using MesaServicios.Application.Common.Localization;

namespace MesaServicios.Application.Users;

/// <summary>Turns password-policy error codes into a field-level validation problem.</summary>
internal static class PasswordProblems
{
    public static void ThrowIfAny(string field, IReadOnlyList<string> codes)
    {
        if (codes.Count > 0)
        {
            throw new ValidationException(codes.Select(code => new ValidationFailure(field, Messages.Get(code)) { ErrorCode = code }));
        }
    }
}
