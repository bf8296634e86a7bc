namespace MesaServicios.Infrastructure.Common;

/// <summary>
/// The service cannot start with this configuration. The host logs <see cref="Exception.Message"/> as one line
/// (no stack trace: nothing is broken in the code) and exits with a non-zero code.
/// </summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : Exception(message, inner);
