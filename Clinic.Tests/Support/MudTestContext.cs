using Bunit;
using Clinic.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace Clinic.Tests.Support;

/// <summary>A bUnit context with MudBlazor's services, loose JS interop and the live-event hub.</summary>
public static class MudTestContext
{
    public static BunitContext Create(out ClinicEventHub hub)
    {
        hub = new ClinicEventHub(NullLogger<ClinicEventHub>.Instance);
        return Create(hub);
    }

    /// <summary>A context (think: one browser's circuit) on a hub shared with other contexts.</summary>
    public static BunitContext Create(ClinicEventHub hub)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(hub);
        context.Services.AddScoped<LiveCircuit>();
        return context;
    }
}
