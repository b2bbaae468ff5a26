using System.ComponentModel.DataAnnotations;

namespace Clinic.Data.Persistence;

/// <summary>Where the data lives. Section <c>Clinic:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Clinic:Storage";

    /// <summary>The database engine. <c>Sqlite</c> today; PostgreSQL arrives in a later release.</summary>
    [Required, AllowedValues(StorageProviders.Sqlite, ErrorMessage = "Clinic:Storage:Provider must be 'Sqlite'.")]
    public string Provider { get; set; } = StorageProviders.Sqlite;

    /// <summary>The SQLite file; a relative path is taken from the app's content root.</summary>
    [Required]
    public string SqlitePath { get; set; } = "App_Data/clinic.db";

    /// <summary>How long a writer waits for another writer before giving up.</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; set; } = 30;
}

public static class StorageProviders
{
    public const string Sqlite = "Sqlite";
}
