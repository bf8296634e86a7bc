using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace MesaServicios.Infrastructure.Common;

/// <summary>Where the embedded defaults keep their files: <c>Storage:DataDirectory</c>, default <c>./data</c>.</summary>
public sealed class DataPaths
{
    public DataPaths(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Storage:DataDirectory"];
        Root = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, environment.ContentRootPath);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>A path under the data directory (absolute paths are kept as they are).</summary>
    public string Resolve(string relativeOrAbsolute)
    {
        var path = Path.GetFullPath(relativeOrAbsolute, Root);
        return path;
    }

    public string EnsureDirectory(string relativeOrAbsolute)
    {
        var path = Resolve(relativeOrAbsolute);
        Directory.CreateDirectory(path);
        return path;
    }
}
