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
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        hub = new ClinicEventHub(NullLogger<ClinicEventHub>.Instance);
        context.Services.AddSingleton(hub);
        return context;
    }
}
