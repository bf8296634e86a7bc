namespace MesaServicios.Infrastructure.Common;

/// <summary>
/// What start-up has to tell the person who started the service (e.g. the credentials of a first administrator made
/// for Development), kept until the host has started so that it is printed last, after the framework's own lines,
/// next to the Swagger address.
/// </summary>
public sealed class StartupNotices
{
    private readonly List<string> _notices = [];
    private readonly Lock _gate = new();

    public void Add(string notice)
    {
        lock (_gate)
        {
            _notices.Add(notice);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _notices];
        }
    }
}
