namespace Clinic.Data.Backups;

/// <summary>One copy made: its folder, the database file's size, the key files copied with it, and how many older copies went.</summary>
public sealed record BackupMade(string Folder, long DatabaseBytes, int KeyFiles, int Removed);

/// <summary>A copy there is: its folder, when it was made, and its database file's size.</summary>
public sealed record BackupCopy(string Folder, DateTime MadeUtc, long DatabaseBytes);
