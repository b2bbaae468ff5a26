using System.ComponentModel.DataAnnotations;

namespace Clinic.Data.Booking;

/// <summary>Where online visits take place. Section <c>Clinic:OnlineVisits</c>.</summary>
public sealed class OnlineVisitOptions : IValidatableObject
{
    public const string Section = "Clinic:OnlineVisits";
    public const string RoomPlaceholder = "{room}";

    /// <summary>
    /// The meeting address of one appointment, with <c>{room}</c> standing for its unguessable room
    /// name: a Jitsi server (the public one, or the clinic's own), or any service that makes a room
    /// from its address.
    /// </summary>
    public string UrlTemplate { get; set; } = "https://meet.jit.si/clinic-{room}";

    /// <summary>The address of a room.</summary>
    public string UrlFor(string room) => UrlTemplate.Replace(RoomPlaceholder, room, StringComparison.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UrlTemplate.Contains(RoomPlaceholder, StringComparison.Ordinal)
            || !Uri.TryCreate(UrlFor("room"), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
            yield return new ValidationResult($"{Section}:UrlTemplate must be a web address containing {RoomPlaceholder}, e.g. https://meet.jit.si/clinic-{RoomPlaceholder}.");
    }
}
