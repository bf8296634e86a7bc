namespace MesaServicios.Domain.Users;

/// <summary>What a person may do in the desk. Ordered: a higher role includes the lower ones.</summary>
public enum UserRole
{
    Requester = 0,
    Technician = 1,
    Administrator = 2,
}
