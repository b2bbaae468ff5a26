using Clinic.Web.Components.Layout;
using Microsoft.AspNetCore.Components.Routing;

namespace Clinic.Tests.Web;

/// <summary>Which navigation entry is the page being shown, as the framework's NavLink would say.</summary>
public sealed class ActiveLinkTests
{
    [Theory]
    [InlineData("", "/", NavLinkMatch.All, true)]
    [InlineData("doctors", "/", NavLinkMatch.All, false)]
    [InlineData("owner", "/owner", NavLinkMatch.All, true)]
    [InlineData("owner/", "/owner", NavLinkMatch.All, true)]
    [InlineData("owner/team", "/owner", NavLinkMatch.All, false)]
    [InlineData("owner/team", "/owner/team", NavLinkMatch.Prefix, true)]
    [InlineData("clinic/appointments/0192?tab=notes#history", "/clinic/appointments", NavLinkMatch.Prefix, true)]
    [InlineData("doctors?type=01a2", "/doctors", NavLinkMatch.All, true)]
    [InlineData("Doctors", "/doctors", NavLinkMatch.Prefix, true)]
    [InlineData("doctorsx", "/doctors", NavLinkMatch.Prefix, false)]
    [InlineData("clinic/agenda", "/clinic/appointments", NavLinkMatch.Prefix, false)]
    [InlineData("Account/Manage/ChangePassword", "Account/Manage/ChangePassword", NavLinkMatch.Prefix, true)]
    public void A_link_is_marked_for_its_own_page_and_for_pages_under_it_only_when_it_asks_for_that(string shown, string href, NavLinkMatch match, bool active) =>
        ActiveLink.Matches(shown, href, match).Should().Be(active);
}
