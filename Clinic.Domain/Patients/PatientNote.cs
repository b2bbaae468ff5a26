using Clinic.Domain.Common;

namespace Clinic.Domain.Patients;

/// <summary>
/// Something the clinic's people want each other to know about a patient ("prefers mornings",
/// "bring an interpreter"). Kept on the patient's file, never shown to the patient; notes are added,
/// not edited, so the file shows who said what and when.
/// </summary>
public sealed class PatientNote : Clinic.Domain.Events.RecordsEvents
{
    private PatientNote() { }

    public Guid Id { get; private set; }
    public string PatientUserId { get; private set; } = string.Empty;
    public string AuthorUserId { get; private set; } = string.Empty;
    public string AuthorName { get; private set; } = string.Empty;
    public string Text { get; private set; } = string.Empty;
    public DateTime CreatedUtc { get; private set; }

    public const int MaxLength = 2000;

    public static Result<PatientNote> Write(string patientUserId, string authorUserId, string authorName, string? text, DateTime nowUtc)
    {
        var errors = new List<string>();
        Clinic.Domain.Common.Text.Optional(errors, text, "The note", MaxLength);
        if (string.IsNullOrWhiteSpace(text))
            errors.Add("Write the note first.");
        if (errors.Count > 0)
            return Result<PatientNote>.Failure([.. errors]);
        var note = new PatientNote
        {
            Id = RowIds.New(),
            PatientUserId = patientUserId,
            AuthorUserId = authorUserId,
            AuthorName = authorName,
            Text = text!.Trim().Replace("\r\n", "\n"),
            CreatedUtc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc),
        };
        note.Happened(new Clinic.Domain.Events.PatientChanged(patientUserId));
        return Result<PatientNote>.Ok(note);
    }
}
