using System.ComponentModel.DataAnnotations;
namespace Clinic.Web.Components.Layout;

/// <summary>What the shell shows about the running instance. Section <c>Clinic:Environment</c>.</summary>
public sealed class ShellOptions
{
    public const string Section = "Clinic:Environment";

    /// <summary>A label in the app bar (e.g. "Development") so nobody mistakes a test copy for the real clinic.</summary>
    [MaxLength(40, ErrorMessage = "Clinic:Environment:Banner must be at most 40 characters: it sits in the app bar.")]
    public string? Banner { get; set; }
}
