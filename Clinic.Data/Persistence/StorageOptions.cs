using System.ComponentModel.DataAnnotations;

namespace Clinic.Data.Persistence;

/// <summary>Where the data lives. Section <c>Clinic:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Clinic:Storage";

    /// <summary>The database engine: <c>Sqlite</c> (one file, one machine) or <c>Postgres</c> (several app instances).</summary>
    [Required, AllowedValues(StorageProviders.Sqlite, StorageProviders.Postgres, ErrorMessage = "Clinic:Storage:Provider must be 'Sqlite' or 'Postgres'.")]
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>PostgreSQL's connection string, from <c>ConnectionStrings:Clinic</c>; required for <c>Postgres</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite file; a relative path is taken from the app's content root.</summary>
    [Required(ErrorMessage = "Clinic:Storage:SqlitePath must name the database file.")]
    public string SqlitePath { get; set; } = "App_Data/clinic.db";

    /// <summary>How long a SQLite writer waits for another writer before giving up.</summary>
    [Range(1, 600, ErrorMessage = "Clinic:Storage:BusyTimeoutSeconds must be between 1 and 600.")]
    public int BusyTimeoutSeconds { get; set; } = 30;
}

public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>The connection string's name under <c>ConnectionStrings</c>.</summary>
    public const string ConnectionStringName = "Clinic";
}
