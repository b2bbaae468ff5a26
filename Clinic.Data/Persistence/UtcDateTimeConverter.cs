using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clinic.Data.Persistence;

/// <summary>Stores DateTime as UTC and marks it UTC when read back.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
