using Bunit;
using Clinic.Tests.Support;
using Clinic.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Clinic.Tests.Components;

/// <summary>A page (or a static page's island) whose refresh fails says so and can try again; the circuit goes on.</summary>
public sealed class PageErrorBoundaryTests
{
    [Fact]
    public async Task A_failed_refresh_says_nothing_saved_is_lost_and_trying_again_shows_the_page()
    {
        await using var context = MudTestContext.Create(out _);
        var database = new Database { Answers = false };

        var page = context.Render<PageErrorBoundary>(p => p.AddChildContent<Failing>(f => f.Add(c => c.Database, database)));

        page.Find("[data-testid=page-error]").TextContent.Should().Contain("This page could not refresh. Nothing you saved is lost.");
        database.Answers = true;
        await page.Find("[data-testid=page-error] button").ClickAsync(new());
        page.Find("[data-testid=recovered]").TextContent.Should().Be("The page");
        page.FindAll("[data-testid=page-error]").Should().BeEmpty();
    }

    private sealed class Database
    {
        public bool Answers { get; set; }
    }

    private sealed class Failing : ComponentBase
    {
        [Parameter] public Database Database { get; set; } = new();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (!Database.Answers)
                throw new InvalidOperationException("The database did not answer.");
            builder.AddMarkupContent(0, "<p data-testid=\"recovered\">The page</p>");
        }
    }
}
