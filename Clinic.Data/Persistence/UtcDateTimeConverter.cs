using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clinic.Data.Persistence;

/// <summary>Stores DateTime as UTC and marks it UTC when read back.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

/// <summary>Stores a UTC DateTime as its ticks.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTime, long>(
    value => (value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks,
    value => new DateTime(value, DateTimeKind.Utc));
