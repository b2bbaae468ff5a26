using Clinic.Web.Auth;
using Clinic.Web.Security;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Clinic.Web.Api;

/// <summary>The versioned JSON API: <c>/api/v1</c>, described at <c>/openapi/v1.json</c> and browsable at <c>/api/docs</c>.</summary>
public static class ApiRegistration
{
    public static IServiceCollection AddClinicApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApiRateLimiting(configuration);
        services.AddProblemDetails();
        // Statuses and states travel as their names ("Pending"), not numbers.
        // A bad body always reaches UseApiErrors, which answers with our ProblemDetails in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, AvailabilityJson.Default);
        });
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Clinic API",
                    Version = "v1",
                    Description = "Doctors, availability, appointments and notifications. Sign in at /api/v1/auth/login and send the access token as 'Authorization: Bearer ...'.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The access token from /api/v1/auth/login.",
                };
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapClinicApi(this WebApplication app)
    {
        app.UseRateLimiter();
        // The description of the API is public only by choice (Clinic:Security:PublishApiDocs): on in Development.
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.DocsArePublic(app.Environment))
        {
            app.MapOpenApi("/openapi/{documentName}.json");
            // Nothing from outside: Scalar would fetch its fonts from its own CDN (refused by our CSP, and absent offline); the system fonts serve.
            app.MapScalarApiReference("/api/docs", options => options.WithTitle("Clinic API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableDefaultFonts());
        }

        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(CheckedBearerHandler.SchemeName).RequireAuthenticatedUser())
            .DisableAntiforgery()
            .RequireRateLimiting(ApiRateLimiting.Policy)
            .AddEndpointFilter<PlausibleDatesFilter>();
        api.MapAuth();
        api.MapMe();
        api.MapDirectory();
        api.MapAvailability();
        api.MapSchedule();
        api.MapTypes();
        api.MapBranches();
        api.MapProfile();
        api.MapSeries();
        api.MapAppointments();
        api.MapNotifications();
        api.MapFeeds();
        api.MapReports();
        return app;
    }
}
