using Clinic.Data.Booking;
using Clinic.Data.Persistence;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Tests.Browser;

/// <summary>A request made through the booking use case (as the patient's page would), for the desk's pages to work on.</summary>
public static class BrowserRequests
{
    /// <summary>The patient asks for the doctor's next free slot with a note to find the row by; the request's id.</summary>
    public static async Task<Guid> RequestNextFreeAsync(this ClinicAppFactory app, string patientEmail, string doctorName, string note)
    {
        var services = app.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var doctorId = await db.Doctors.Where(d => d.FullName.Contains(doctorName)).Select(d => d.Id).SingleAsync();
        var userId = await db.Users.Where(u => u.Email == patientEmail).Select(u => u.Id).SingleAsync();
        var patient = await services.GetRequiredService<AppointmentActors>().ResolveAsync(Actor.Of(userId, ClinicRoles.Patient));
        var slot = (await services.GetRequiredService<Clinic.Data.Scheduling.AvailabilityQueries>().NextAvailableAsync())[doctorId];
        var booked = await services.GetRequiredService<BookingService>().BookAsync(patient, new BookingRequest(doctorId, slot.StartUtc, Note: note));
        booked.Succeeded.Should().BeTrue(booked.Error);
        return booked.Value!.AppointmentId;
    }
}
