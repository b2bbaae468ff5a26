using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Clinic.Web.Components.Shared;

/// <summary>
/// Text put into markup written by hand (the slot rows and days of <c>SharedMarkup</c>): what HTML gives
/// meaning to is escaped; letters of any language, dashes and dots stay as they are.
/// </summary>
public static class HtmlText
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(text);
}
