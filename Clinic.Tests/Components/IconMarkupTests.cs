using Bunit;
using Clinic.Tests.Support;
using Clinic.Web.Components.Shared;
using MudBlazor;

namespace Clinic.Tests.Components;

/// <summary>
/// The plain icon buttons, unread counts and menu items of the shell and the week are drawn as
/// MudBlazor draws its own, so an upgrade that changes MudIconButton's, MudBadge's or MudMenuItem's
/// markup fails here instead of looking wrong on every page.
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

    [Theory]
    [InlineData(5, "5")]
    [InlineData(150, "99+")]
    public async Task A_plain_count_is_MudBadge_s_own_markup(int unread, string shown)
    {
        await using var context = MudTestContext.Create(out _);

        var mudBlazors = context.Render<MudBadge>(p => p.Add(b => b.Content, unread).Add(b => b.Color, Color.Error).Add(b => b.Overlap, true).Add(b => b.Max, 99))
            .Find(".mud-badge-wrapper");

        mudBlazors.OuterHtml.MarkupMatches(BadgeMarkup.Count(unread).Value);
        mudBlazors.TextContent.Trim().Should().Be(shown);
    }

    [Fact]
    public void Nothing_unread_shows_no_count() => BadgeMarkup.Count(0).Value.Should().BeNullOrEmpty();

    [Fact]
    public async Task A_plain_menu_item_is_MudMenuItem_s_own_markup()
    {
        await using var context = MudTestContext.Create(out _);

        var mudBlazors = context.Render<MudMenuItem>(p => p.Add(i => i.Icon, Icons.Material.Filled.Home).Add(i => i.Href, "/patient")
            .AddChildContent("My home")).Find("a");

        MenuMarkup.ItemClasses.Split(' ').Should().BeEquivalentTo(mudBlazors.ClassList);
        mudBlazors.InnerHtml.MarkupMatches(MenuMarkup.IconAndLabel(Icons.Material.Filled.Home, "My home").Value);
    }
}
