using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Clinic.Web.Localization;

/// <summary>
/// The words MudBlazor's components say themselves (a pager's "Next page", a dialog's close button,
/// a field's "Clear"), from the same table as the screens'. Only the keys our pages meet are named;
/// any other, and every key in English, falls back to MudBlazor's own English.
/// </summary>
public sealed class ClinicMudLocalizer : MudLocalizer
{
    private static readonly IReadOnlyDictionary<string, string> English = new Dictionary<string, string>
    {
        ["MudAlert_Close"] = "Close",
        ["MudDialog_Close"] = "Close",
        ["MudSnackbar_Close"] = "Close",
        ["MudChip_Close"] = "Remove",
        ["MudInput_Clear"] = "Clear",
        ["MudInput_Increment"] = "Increase",
        ["MudInput_Decrement"] = "Decrease",
        ["MudFormComponent_Required"] = "Required",
        ["MudSelect_SelectAll"] = "Select all",
        ["MudTable_Loading"] = "Loading",
        ["MudTable_SelectAllRows"] = "Select all rows",
        ["MudTable_SelectRow"] = "Select row",
        ["MudTablePager_FirstPage"] = "First page",
        ["MudTablePager_PreviousPage"] = "Previous page",
        ["MudTablePager_NextPage"] = "Next page",
        ["MudTablePager_LastPage"] = "Last page",
        ["MudPagination_FirstPage"] = "First page",
        ["MudPagination_PreviousPage"] = "Previous page",
        ["MudPagination_NextPage"] = "Next page",
        ["MudPagination_LastPage"] = "Last page",
        ["MudBaseDatePicker_Open"] = "Open the calendar",
        ["MudBaseDatePicker_NextMonth"] = "Next month",
        ["MudBaseDatePicker_PrevMonth"] = "Previous month",
        ["MudNavGroup_ToggleExpand"] = "Show or hide",
    };

    public override LocalizedString this[string key] =>
        Languages.Current != Languages.English && English.TryGetValue(key, out var english)
            ? new LocalizedString(key, Translations.Tr(english))
            : new LocalizedString(key, key, resourceNotFound: true);

    /// <summary>Every English text this asks the table for (kept whole by the translation tests).</summary>
    internal static IEnumerable<string> Texts => English.Values.Distinct();
}
