using System.ComponentModel.DataAnnotations;
namespace Clinic.Data.Chat;

/// <summary>Chat limits. Section <c>Clinic:Chat</c>.</summary>
public sealed class ChatOptions
{
    public const string Section = "Clinic:Chat";

    /// <summary>At most this many messages per person within <see cref="RateWindow"/>.</summary>
    [Range(1, 1000, ErrorMessage = "Clinic:Chat:MessagesPerWindow must be between 1 and 1000.")]
    public int MessagesPerWindow { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Clinic:Chat:RateWindow must be between 1 second and 1 day.")]
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many messages one page of history holds.</summary>
    [Range(1, 500, ErrorMessage = "Clinic:Chat:PageSize must be between 1 and 500.")]
    public int PageSize { get; set; } = 30;
}
