using Clinic.Data;
using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Clinic.Web.Security;

/// <summary>Cookies, transport and proxy settings a production clinic needs; Development keeps plain HTTP working.</summary>
public static class SecurityRegistration
{
    public static IServiceCollection AddClinicSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(SecurityOptions.Section);
        services.AddCheckedOptions<SecurityOptions>(configuration, SecurityOptions.Section);
        var settings = section.Get<SecurityOptions>() ?? new SecurityOptions();
        services.AddSingleton<AccountThrottle>();
        services.AddCheckedOptions<Auth.SessionCheckOptions>(configuration, Auth.SessionCheckOptions.Section);
        services.AddSingleton<Auth.BearerSessionCheck>();

        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });

        // Outside Development every cookie is Secure, even when TLS ends at a proxy and the app sees
        // plain HTTP, and takes the __Host- prefix: no subdomain or plain-HTTP page can set or read it.
        var production = !environment.IsDevelopment();
        var policy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var prefix = production ? "__Host-" : "";
        foreach (var (scheme, name) in new[]
        {
            (IdentityConstants.ApplicationScheme, "Clinic.Session"),
            (IdentityConstants.ExternalScheme, "Clinic.External"),
            (IdentityConstants.TwoFactorUserIdScheme, "Clinic.TwoFactor"),
            (IdentityConstants.TwoFactorRememberMeScheme, "Clinic.TwoFactorRemember"),
        })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, cookie =>
            {
                cookie.Cookie.Name = prefix + name;
                cookie.Cookie.SecurePolicy = policy;
            });
        }
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = prefix + "Clinic.Antiforgery";
            antiforgery.Cookie.SecurePolicy = policy;
        });

        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in settings.ForwardedHeaders.KnownProxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in settings.ForwardedHeaders.KnownNetworks)
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }
}
