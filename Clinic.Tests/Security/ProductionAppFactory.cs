using Clinic.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace Clinic.Tests.Security;

/// <summary>The app as a real clinic runs it: Production, no demo clinic, a public address of its own.</summary>
public class ProductionAppFactory : ClinicAppFactory
{
    public const string PublicBaseUrl = "https://booking.gomoti.example";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Clinic:Email:PublicBaseUrl"] = PublicBaseUrl,
        ["Clinic:Setup:ClinicName"] = "Gomoti Hospital",
        ["Clinic:Setup:Address"] = "12 Lake Road, Dhaka",
        ["Clinic:Setup:OwnerEmail"] = "owner@gomoti.example",
        ["Clinic:Setup:OwnerName"] = "Sadia Owner",
        ["Clinic:Setup:OwnerPassword"] = OwnerPassword,
    };

    public const string OwnerPassword = "a quiet lake at dawn";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    /// <summary>A client speaking HTTPS to the clinic's own host name, as browsers do in production.</summary>
    public HttpClient CreateHttpsClient(bool followRedirects = false) =>
        CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri(PublicBaseUrl),
            AllowAutoRedirect = followRedirects,
            HandleCookies = true,
        });
}
