using System.Security.Claims;
using Clinic.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Clinic.Web.Localization;

/// <summary>
/// The language a person's account keeps (<see cref="ClinicUser.Language"/>), in step with the
/// browser's choice: choosing one while signed in keeps it on the account, and signing in carries it
/// either way (a choice made on this browser first goes to the account; otherwise the account's
/// language comes to the browser).
/// </summary>
public sealed class AccountLanguage(UserManager<ClinicUser> users)
{
    public async Task KeepAsync(ClaimsPrincipal user, Language language)
    {
        if (user.Identity?.IsAuthenticated != true || await users.GetUserAsync(user) is not { } account)
            return;
        await KeepAsync(account, language);
    }

    /// <summary>At sign-in, before the first page of the signed-in person is drawn.</summary>
    public async Task SignedInAsync(HttpContext http, ClinicUser account)
    {
        if (LanguageChoice.Chosen(http.Request) is { } chosen)
            await KeepAsync(account, chosen);
        else if (Languages.Find(account.Language) is { } kept)
            LanguageChoice.Remember(http, kept);
    }

    private async Task KeepAsync(ClinicUser account, Language language)
    {
        var code = language.Code;
        if (account.Language == code)
            return;
        account.Language = code;
        await users.UpdateAsync(account);
    }
}
