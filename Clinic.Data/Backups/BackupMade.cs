namespace Clinic.Data.Backups;

/// <summary>One copy made: its folder, the database file's size, the key files copied with it, and how many older copies went.</summary>
public sealed record BackupMade(string Folder, long DatabaseBytes, int KeyFiles, int Removed);
