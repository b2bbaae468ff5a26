using Clinic.Data;
using Clinic.Data.Identity;
using Clinic.Data.Messaging;
using Clinic.Data.Persistence;
using Clinic.Domain.Events;
using Clinic.Web.Api;
using Clinic.Web.Auth;
using Clinic.Web.Components.Layout;
using Clinic.Web.Email;
using Clinic.Web.Health;
using Clinic.Web.Localization;
using Microsoft.Extensions.Options;
using Clinic.Web.Live;
using Clinic.Web.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace Clinic.Web;

public static class WebServiceCollectionExtensions
{
    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Pages, sign-in, email, live updates and health checks.</summary>
    public static IServiceCollection AddClinicWeb(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddRazorComponents().AddInteractiveServerComponents(circuits =>
        {
            // A closed tab's circuit costs what an open page does. The browser script reconnects within
            // a second of the network coming back, so two minutes covers a lift or a tunnel; after
            // that the page reloads itself. At most 100 are kept at once (the oldest go first).
            circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(2);
            circuits.DisconnectedCircuitMaxRetained = 100;
            // Render batches the browser has not confirmed are kept for it; a live page sends one per
            // change, so a few are enough, and a stalled browser cannot pile up more.
            circuits.MaxBufferedUnacknowledgedRenderBatches = 4;
        });
        services.AddClinicSecurity(configuration, environment);
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, Clinic.Web.Localization.ClinicMudLocalizer>();
        services.AddClinicLanguages();
        Clinic.Web.Components.Layout.KeyUpdatesInBackground.Register(services);

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentActor>();
        services.AddScoped<Clinic.Web.Components.Layout.ProvidersOnDemand>();
        services.AddScoped<Clinic.Web.Components.Appointments.ActingUser>();
        services.AddAuthorization();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, CheckedBearerHandler>(CheckedBearerHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // API callers get 401/403, never the sign-in page of the cookie scheme.
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            cookie.Events.OnValidatePrincipal = CookieStampCheck.ValidateAsync;
        });
        services.AddClinicApi(configuration);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        // The user store itself is registered by AddClinicData; the web adds sign-in on top.
        new IdentityBuilder(typeof(ClinicUser), typeof(IdentityRole), services)
            .AddSignInManager<ActiveAccountSignInManager>();
        services.AddScoped(sp => (ActiveAccountSignInManager)sp.GetRequiredService<SignInManager<ClinicUser>>());
        services.AddSingleton<DecoyPassword>();

        services.AddCheckedOptions<ShellOptions>(configuration, ShellOptions.Section);
        services.AddCheckedOptions<EmailOptions>(configuration, EmailOptions.Section)
            .Validate(email => Uri.TryCreate(email.PublicBaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp),
                "Clinic:Email:PublicBaseUrl must be the absolute http(s) address patients reach the clinic at: every link in an email is built from it.")
            .ValidateOnStart();
        services.AddSingleton<PasswordLinks>();
        services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.UsesSmtp
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupFolderTransport>(sp));
        services.AddSingleton<IClinicMailer, ClinicMailer>();
        services.AddSingleton<IOutboxSender, OutboxMailSender>();
        // With Clinic:TextMessages:Url set, reminders also go to the patient's mobile through the clinic's gateway.
        services.AddCheckedOptions<Clinic.Web.TextMessages.TextMessageOptions>(configuration, Clinic.Web.TextMessages.TextMessageOptions.Section);
        services.AddHttpClient(Clinic.Web.TextMessages.HttpTextMessageSender.Client, (sp, client) =>
            client.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<Clinic.Web.TextMessages.TextMessageOptions>>().Value.TimeoutSeconds));
        services.AddSingleton<Clinic.Web.TextMessages.HttpTextMessageSender>();
        services.AddSingleton<ITextMessageSender>(sp => sp.GetRequiredService<IOptions<Clinic.Web.TextMessages.TextMessageOptions>>().Value.Sends
            ? sp.GetRequiredService<Clinic.Web.TextMessages.HttpTextMessageSender>()
            : new NoTextMessages());
        if (configuration.GetValue(OutboxOptions.Section + ":" + nameof(OutboxOptions.RunWorker), true))
            services.AddHostedService<OutboxWorker>();
        if (configuration.GetValue(Clinic.Data.Waitlist.WaitlistOptions.Section + ":" + nameof(Clinic.Data.Waitlist.WaitlistOptions.RunWorker), true))
            services.AddHostedService<Clinic.Data.Waitlist.WaitlistWorker>();
        services.AddHostedService<Clinic.Data.Backups.NightlyBackupWorker>();
        services.AddHostedService<Clinic.Data.Backups.BackupFolderWatcher>();
        services.AddSingleton<IdentityEmailSender>();
        services.AddSingleton<IEmailSender<ClinicUser>>(sp => sp.GetRequiredService<IdentityEmailSender>());

        services.AddSingleton<ClinicEventHub>();
        services.AddScoped<LiveCircuit>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<LiveCircuit>());
        // With Clinic:Live:Redis set, events go through Redis to every instance's pages; without it they stay in this process.
        services.AddCheckedOptions<LiveOptions>(configuration, LiveOptions.Section);
        services.AddSingleton<RedisEventRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisEventRelay>());
        services.AddSingleton<IClinicEvents>(sp => sp.GetRequiredService<IOptions<LiveOptions>>().Value.Relays
            ? sp.GetRequiredService<RedisEventRelay>()
            : sp.GetRequiredService<ClinicEventHub>());
        services.AddSingleton<AppointmentPresence>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<LiveRelayHealthCheck>("live relay")
            .AddCheck<BackupHealthCheck>("nightly backup");
        return services;
    }
}
