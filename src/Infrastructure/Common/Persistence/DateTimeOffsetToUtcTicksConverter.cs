using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MesaServicios.Infrastructure.Common.Persistence;

/// <summary>SQLite cannot compare DateTimeOffset; UTC ticks (a long) order and compare correctly everywhere.</summary>
internal sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
