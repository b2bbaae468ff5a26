using System.Security.Claims;
using Bunit;
using Clinic.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;

namespace Clinic.Tests.Support;

/// <summary>A bUnit context with MudBlazor's services, loose JS interop and the live-event hub.</summary>
public static class MudTestContext
{
    /// <param name="clock">The circuit's time (a fake one lets a test step through coalescing windows); the system's by default.</param>
    public static BunitContext Create(out ClinicEventHub hub, TimeProvider? clock = null)
    {
        hub = new ClinicEventHub(NullLogger<ClinicEventHub>.Instance);
        return Create(hub, clock);
    }

    /// <summary>A context (think: one browser's circuit) on a hub shared with other contexts.</summary>
    public static BunitContext Create(ClinicEventHub hub, TimeProvider? clock = null)
    {
        var context = new BunitContext();
        context.Services.AddSingleton(clock ?? TimeProvider.System);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        Clinic.Web.Components.Layout.KeyUpdatesInBackground.Register(context.Services);
        context.Services.AddSingleton(hub);
        context.Services.AddScoped<LiveCircuit>();
        context.Services.AddScoped<Clinic.Web.Components.Layout.ProvidersOnDemand>();
        // Presence announces through this hub alone, like one instance without a relay.
        context.Services.AddSingleton(sp => new AppointmentPresence(hub, hub, sp.GetRequiredService<TimeProvider>()));
        return context;
    }

    /// <summary>Signs the context's user in: their name, one role, and the user id the app reads from the name-identifier claim.</summary>
    public static void SignIn(this BunitContext context, string name, string role, string userId)
    {
        var auth = context.AddAuthorization();
        auth.SetAuthorized(name);
        auth.SetRoles(role);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId)); // after the roles, which rebuild the user
    }

    /// <summary>
    /// Signs <paramref name="who"/> in as a page of the app sees them: the claims, and the services
    /// that turn those into the person acting (<c>CurrentActor</c>, <c>ActingUser</c>, over the harness's people).
    /// </summary>
    public static void SignInActing(this BunitContext context, DataHarness harness, Clinic.Domain.Appointments.AppointmentActor who, string role)
    {
        context.Services.AddSingleton(harness.Get<Clinic.Data.Booking.AppointmentActors>());
        context.Services.AddScoped<Clinic.Web.Auth.CurrentActor>();
        context.Services.AddScoped<Clinic.Web.Components.Appointments.ActingUser>();
        context.SignIn(who.Name, role, who.UserId);
    }
}
