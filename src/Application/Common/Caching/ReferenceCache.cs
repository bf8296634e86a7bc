using System.Collections.Concurrent;

namespace MesaServicios.Application.Common.Caching;

/// <summary>
/// Small data that almost every request reads and that rarely changes — the session behind an access token, user
/// snapshots, the list of technicians, e-mail opt-outs — kept in memory so that a request or a ticket's
/// notifications cost no queries for them. Whenever this process saves a
/// change to such data the whole cache is dropped (before and after the commit); a change saved by another node is
/// seen at the latest after <see cref="Lifetime"/>, when the cache renews itself anyway.
/// </summary>
public sealed class ReferenceCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private Generation _current = new(DateTimeOffset.MinValue);

    /// <summary>Drops everything: the next reads load from the database.</summary>
    public void Invalidate() => Volatile.Write(ref _current, new Generation(clock.GetUtcNow() + Lifetime));

    /// <summary>The cached value for <paramref name="key"/>, loaded once per generation.</summary>
    public async ValueTask<T> GetOrLoadAsync<T>(object key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : notnull
    {
        var generation = Current();
        if (generation.Items.TryGetValue(key, out var cached))
        {
            return (T)cached;
        }

        var loaded = await load(cancellationToken);

        // Stored in the generation that was current when the load started: if the data changed meanwhile, that
        // generation is already dropped and the value is never served.
        generation.Items.TryAdd(key, loaded);
        return loaded;
    }

    /// <summary>Values for many keys at once: the missing ones are loaded in one call.</summary>
    public async ValueTask<IReadOnlyList<T>> GetOrLoadManyAsync<TKey, T>(
        IReadOnlyCollection<TKey> keys,
        Func<TKey, object> cacheKey,
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyList<(TKey Key, T Value)>>> load,
        CancellationToken cancellationToken)
        where T : notnull
    {
        var generation = Current();
        var found = new List<T>(keys.Count);
        var missing = new List<TKey>();
        foreach (var key in keys)
        {
            if (generation.Items.TryGetValue(cacheKey(key), out var cached))
            {
                found.Add((T)cached);
            }
            else
            {
                missing.Add(key);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var (key, value) in await load(missing, cancellationToken))
            {
                generation.Items.TryAdd(cacheKey(key), value);
                found.Add(value);
            }
        }

        return found;
    }

    private Generation Current()
    {
        var generation = Volatile.Read(ref _current);
        var now = clock.GetUtcNow();
        if (generation.ExpiresAt > now)
        {
            return generation;
        }

        Interlocked.CompareExchange(ref _current, new Generation(now + Lifetime), generation);
        return Volatile.Read(ref _current);
    }

    private sealed class Generation(DateTimeOffset expiresAt)
    {
        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        public ConcurrentDictionary<object, object> Items { get; } = new();
    }
}
