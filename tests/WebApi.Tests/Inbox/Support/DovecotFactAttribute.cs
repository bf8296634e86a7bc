namespace MesaServicios.WebApi.Tests.Inbox.Support;

/// <summary>
/// A test that needs dovecot. Without the binary it is skipped with the install hint — except under CI
/// (CI=true), where the servers are provided and a missing binary must fail the run, not hide it.
/// </summary>
public sealed class DovecotFactAttribute : FactAttribute
{
    public DovecotFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (DovecotServer.FindBinary() is null && !ci)
        {
            Skip = DovecotServer.InstallHint;
        }
    }
}
