namespace MesaServicios.Infrastructure.Users;

/// <summary>Access-token signing (section "Auth").</summary>
public sealed class JwtOptions
{
    /// <summary>HMAC-SHA256 key, at least 32 bytes (base64 or plain text). Required outside Development.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "mesa-servicios";

    public string Audience { get; set; } = "mesa-servicios-api";
}
