namespace MesaServicios.WebApi.Common;

/// <summary>The authorization policies every module uses.</summary>
public static class Policies
{
    /// <summary>Any signed-in, active user.</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>Technician or Administrator.</summary>
    public const string Technician = "Technician";

    /// <summary>Administrator only.</summary>
    public const string Administrator = "Administrator";
}
