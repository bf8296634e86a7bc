namespace MesaServicios.Domain.Common;

/// <summary>What kind of rule a domain error breaks; decides the HTTP status in one place.</summary>
public enum DomainErrorKind
{
    /// <summary>The action is not allowed in the current state (409).</summary>
    Conflict,
    /// <summary>The input is well-formed but breaks a business rule (422).</summary>
    RuleBroken,
    /// <summary>The caller may not do this (403).</summary>
    Forbidden,
    /// <summary>The thing does not exist, or the caller may not know it exists (404).</summary>
    NotFound,
    /// <summary>The caller is not signed in, or the credentials are wrong (401).</summary>
    Unauthorized,
    /// <summary>The account is temporarily locked (423).</summary>
    Locked,
    /// <summary>Too many attempts (429).</summary>
    TooManyRequests,
    /// <summary>The request as a whole cannot be used, e.g. an invalid or expired one-time token (400).</summary>
    BadRequest,
}

/// <summary>
/// An expected failure: a broken business rule. <see cref="Code"/> is stable (clients switch on it) and
/// names the localized message; <see cref="Arguments"/> fill its placeholders; <see cref="Details"/>
/// travel as extra members of the problem response.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, DomainErrorKind kind = DomainErrorKind.RuleBroken, params object?[] arguments)
        : base(code)
    {
        Code = code;
        Kind = kind;
        Arguments = arguments;
    }

    public string Code { get; }

    public DomainErrorKind Kind { get; }

    public IReadOnlyList<object?> Arguments { get; }

    public IDictionary<string, object?> Details { get; } = new Dictionary<string, object?>();

    public DomainException WithDetail(string name, object? value)
    {
        Details[name] = value;
        return this;
    }
}
