using Clinic.Domain.Common;
using MudBlazor;
using static Clinic.Web.Localization.Translations;

namespace Clinic.Web.Components.Live;

/// <summary>
/// What a page does after a change it made itself. One that succeeded announces itself after commit,
/// and that announcement reloads every open page showing it, this one included: reloading here as
/// well would read and render twice. One that was refused changed nothing, but someone else may
/// have (the usual reason for a refusal), so the page reloads to show why.
/// </summary>
public static class OwnChange
{
    /// <summary>Says how it went (<paramref name="done"/> when it succeeded, the refusal otherwise); true when it succeeded.</summary>
    public static async Task<bool> SettleAsync(this ISnackbar snackbar, Result result, Func<Task> reload, string? done = null, Severity doneSeverity = Severity.Success)
    {
        if (result.Succeeded)
        {
            if (done is not null)
                snackbar.Add(done, doneSeverity);
            return true;
        }
        snackbar.Add(Sentence(result.Error), Severity.Error);
        await reload();
        return false;
    }
}
