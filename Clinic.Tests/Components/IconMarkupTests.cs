using Bunit;
using Clinic.Tests.Support;
using Clinic.Web.Components.Shared;
using MudBlazor;

namespace Clinic.Tests.Components;

/// <summary>
/// The plain icon buttons of the shell and the week are drawn as MudBlazor draws its own, so an
/// upgrade that changes MudIconButton's markup fails here instead of looking wrong on every page.
/// </summary>
public sealed class IconMarkupTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_plain_icon_button_has_MudIconButton_s_classes_and_label(bool inAppBar)
    {
        await using var context = MudTestContext.Create(out _);

        var mudBlazors = context.Render<MudIconButton>(p => p.Add(b => b.Icon, Icons.Material.Filled.ChevronLeft)
            .Add(b => b.Color, inAppBar ? Color.Inherit : Color.Default)).Find("button");

        var ours = inAppBar ? IconMarkup.AppBarButtonClasses : IconMarkup.ButtonClasses;
        ours.Split(' ').Should().BeEquivalentTo(mudBlazors.ClassList);
        // Compared as HTML (bUnit's semantic comparison): <path/> and <path></path> are the same element.
        mudBlazors.InnerHtml.MarkupMatches(IconMarkup.InButton(Icons.Material.Filled.ChevronLeft).Value);
    }
}
