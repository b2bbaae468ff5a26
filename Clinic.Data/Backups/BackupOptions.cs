using System.ComponentModel.DataAnnotations;

namespace Clinic.Data.Backups;

/// <summary>Copies of the SQLite database, made each night and on demand. Section <c>Clinic:Backup</c>.</summary>
public sealed class BackupOptions : IValidatableObject
{
    public const string Section = "Clinic:Backup";

    /// <summary>Whether the app copies the database each night (SQLite only: PostgreSQL is backed up with its own tools).</summary>
    public bool Nightly { get; set; } = true;

    /// <summary>The clinic's local time of the nightly copy.</summary>
    public TimeOnly At { get; set; } = new(2, 30);

    /// <summary>Where copies go, one folder each; a relative path is taken from the database file's folder.</summary>
    public string Folder { get; set; } = "backups";

    /// <summary>How many copies are kept; the oldest beyond them are removed after each new copy.</summary>
    [Range(1, 366, ErrorMessage = "Clinic:Backup:Keep must be between 1 and 366 copies.")]
    public int Keep { get; set; } = 14;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Folder) || Folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            yield return new ValidationResult("Clinic:Backup:Folder must name a folder (relative paths are taken from the database file's folder).", [nameof(Folder)]);
    }
}
