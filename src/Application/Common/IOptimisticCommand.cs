namespace MesaServicios.Application.Common;

/// <summary>
/// A command whose reads (the requester's profile, categories, users to notify…) may run before it takes the single
/// write turn, so that other commands can write meanwhile. Allowed only when what it read cannot make its writes
/// wrong: it inserts new rows, and whatever it updates is protected by a concurrency token or a unique index.
/// </summary>
public interface IOptimisticCommand;
