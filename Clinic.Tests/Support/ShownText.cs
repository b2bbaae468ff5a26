using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Clinic.Tests.Support;

public static partial class ShownText
{
    /// <summary>An element's text as a reader sees it: markup's line breaks and indents as single spaces.</summary>
    public static string Shown(this INode node) => Whitespace().Replace(node.TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
