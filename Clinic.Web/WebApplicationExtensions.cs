using Clinic.Data.Identity;
using Clinic.Data.Persistence;
using Clinic.Data.Seeding;
using Clinic.Web.Api;
using Clinic.Web.Components;
using Clinic.Web.Images;
using Clinic.Web.Localization;
using Clinic.Web.Security;
using Clinic.Web.Takings;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Clinic.Web;

public static class WebApplicationExtensions
{
    /// <summary>Migrates the database, makes sure the roles and the clinic exist, and seeds demo data in Development.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var services = app.Services;
        // A broken setting stops the start before anything touches the database.
        services.GetService<IStartupValidator>()?.Validate();
        await services.GetRequiredService<DatabaseInitializer>().MigrateAsync();
        await services.GetRequiredService<RoleSetup>().EnsureRolesAsync();

        var demo = services.GetRequiredService<IOptions<DemoDataOptions>>().Value;
        if (app.Environment.IsDevelopment() && demo.Enabled)
        {
            var logins = await services.GetRequiredService<DemoClinicSeeder>().SeedAsync();
            if (demo.Activity)
                await services.GetRequiredService<DemoActivitySeeder>().SeedAsync();
            PrintDemoLogins(logins, demo.Password!);
        }
        await services.GetRequiredService<InitialSetup>().RunAsync();
    }

    public static WebApplication UseClinicPipeline(this WebApplication app)
    {
        // First: behind a proxy that ends TLS, the client's address and scheme come from its forwarded headers.
        if (app.Services.GetRequiredService<IOptions<Clinic.Web.Security.SecurityOptions>>().Value.ForwardedHeaders.Enabled)
            app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
            app.UseHttpsOnly();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseApiErrors();
        // Explicit, so that the API's refusals (a 401 from a missing token) pass through UseApiErrors.
        app.UseAuthentication();
        // After sign-in is known (a team member's screens stay in English), before anything renders:
        // the cookie's language, or the browser's, for the page and the circuit it starts.
        app.UseRequestLocalization();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server =>
        {
            // Uncompressed: a compressed WebSocket keeps a zlib state for every open page (about a
            // quarter of a megabyte of native memory, more than the page's own objects), and
            // compressing what the server sends beside what a page types is a side channel. A
            // render batch is a small binary diff.
            server.DisableWebSocketCompression = true;
            // Our Content-Security-Policy (UseSecurityHeaders) already says frame-ancestors 'self'.
            server.ContentSecurityFrameAncestorsPolicy = null;
        });
        app.MapHealthChecks("/healthz");
        app.MapPictures();
        app.MapTakingsCsv();
        app.MapLanguageChoice();
        app.MapClinicApi();
        // Binding a form field makes the endpoint check the antiforgery token, so no other site can sign a user out.
        app.MapPost("/Account/Logout", async ([FromServices] SignInManager<ClinicUser> signIn, [FromForm(Name = "__RequestVerificationToken")] string? _) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/");
        }).ExcludeFromDescription();
        return app;
    }

    private static void PrintDemoLogins(IReadOnlyList<DemoLogin> logins, string password)
    {
        // Printed, not logged: these are Development-only demo accounts.
        Console.WriteLine();
        Console.WriteLine($"Demo logins (password for all: {password})");
        foreach (var login in logins)
            Console.WriteLine($"  {login.Role,-8} {login.Email,-34} {login.FullName}");
        Console.WriteLine();
    }
}
