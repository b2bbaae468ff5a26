using Clinic.Data.Persistence;
using Clinic.Domain.Common;
using Clinic.Domain.Identity;
using Clinic.Domain.Scheduling;
using Clinic.Domain.Services;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data.Types;

/// <summary>A type as one doctor offers it, read inside a booking.</summary>
internal sealed record OfferedType(bool IsOnline, int Minutes, int BufferMinutes)
{
    public VisitLength Length => new(Minutes, BufferMinutes);
}

/// <summary>One appointment type as the owner's list and the booking dialog show it, with the clinic's currency.</summary>
public sealed record AppointmentTypeView(Guid Id, string Name, int DurationMinutes, decimal Price, string Currency, string Colour, int BufferMinutes,
    bool IsOnline, bool IsActive, IReadOnlyList<Guid> DoctorIds)
{
    public AppointmentTypeDetails Details => new(Name, DurationMinutes, Price, Colour, BufferMinutes, IsOnline, IsActive, DoctorIds);

    /// <summary>How long it takes, which decides the start times it fits.</summary>
    public VisitLength Length => new(DurationMinutes, BufferMinutes);

    /// <summary>"ECG · 20 min · BDT 600" (a thousand and more with a separator): how a patient sees the choice.</summary>
    public string Label => $"{Name} · {DurationMinutes} min · {Money.Format(Price, Currency)}{(IsOnline ? " · online" : "")}";
}

/// <summary>
/// The clinic's appointment types: the owner manages them (name, length, price, colour, time kept
/// free after, online or not, active or not, which doctors offer them); patients and staff choose
/// among the active types of the doctor they book.
/// </summary>
public sealed class AppointmentTypes(IDbContextFactory<ClinicDbContext> contexts)
{
    public const string OwnerOnly = "Only the owner can change the clinic's appointment types.";

    /// <summary>Every type, active or not, for the owner's page.</summary>
    public async Task<IReadOnlyList<AppointmentTypeView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ViewsAsync(db, db.Services.AsNoTracking(), cancellationToken);
    }

    /// <summary>The active types this doctor offers, for booking with them.</summary>
    public async Task<IReadOnlyList<AppointmentTypeView>> ForDoctorAsync(Guid doctorId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ViewsAsync(db, db.Services.AsNoTracking().Where(s => s.IsActive && s.Doctors.Any(d => d.DoctorId == doctorId)), cancellationToken);
    }

    /// <summary>Adds a type (<paramref name="id"/> null) or changes one; owner only.</summary>
    public async Task<Result<Guid>> SaveAsync(Actor by, Guid? id, AppointmentTypeDetails details, CancellationToken cancellationToken = default)
    {
        if (!by.IsOwner)
            return Result<Guid>.Refused(RefusalCodes.Forbidden, OwnerOnly);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var known = await db.Doctors.Where(d => details.DoctorIds.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken);
        if (known.Count != details.DoctorIds.Distinct().Count())
            return Result<Guid>.Failure("One of the chosen doctors is no longer on the team.");
        var found = id is { } existing ? await db.Services.Include(s => s.Doctors).FirstOrDefaultAsync(s => s.Id == existing, cancellationToken) : null;
        if (id is not null && found is null)
            return Result<Guid>.Refused(RefusalCodes.NotFound, "That appointment type no longer exists.");
        var sameName = await db.Services.AnyAsync(s => s.Id != id && s.Name.ToLower() == details.Name.Trim().ToLower(), cancellationToken);
        if (sameName)
            return Result<Guid>.Failure($"There is already a type called \"{details.Name.Trim()}\".");
        MedicalService service;
        if (found is not null)
        {
            var updated = found.Update(details);
            if (!updated.Succeeded)
                return Result<Guid>.From(updated);
            service = found;
        }
        else
        {
            var clinicId = await db.Clinics.OrderBy(c => c.Name).Select(c => c.Id).FirstOrDefaultAsync(cancellationToken);
            var created = MedicalService.Create(clinicId, details);
            if (!created.Succeeded)
                return Result<Guid>.From(created);
            service = created.Value!;
            db.Services.Add(service);
        }
        await db.SaveChangesAsync(cancellationToken);
        return Result<Guid>.Ok(service.Id);
    }

    public const string NotOffered = "That type of visit is not offered by this doctor (any more); choose another.";

    /// <summary>
    /// Inside a booking's transaction: the type as this doctor offers it now (null when not): whether
    /// it is a video visit, and how long it takes.
    /// </summary>
    internal static Task<OfferedType?> OfferedAsync(ClinicDbContext db, Guid serviceId, Guid doctorId, CancellationToken cancellationToken) =>
        db.Services.Where(s => s.Id == serviceId && s.IsActive && s.Doctors.Any(d => d.DoctorId == doctorId))
            .Select(s => new OfferedType(s.IsOnline, s.DurationMinutes, s.BufferMinutes)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>How long a booked type takes (a moved visit keeps its type, offered still or not); null without a type.</summary>
    internal static async Task<VisitLength?> LengthAsync(ClinicDbContext db, Guid? serviceId, CancellationToken cancellationToken) =>
        serviceId is not { } id ? null
        : await db.Services.Where(s => s.Id == id).Select(s => new VisitLength(s.DurationMinutes, s.BufferMinutes)).FirstOrDefaultAsync(cancellationToken);

    private static async Task<IReadOnlyList<AppointmentTypeView>> ViewsAsync(ClinicDbContext db, IQueryable<MedicalService> services, CancellationToken cancellationToken)
    {
        var currency = await db.Clinics.OrderBy(c => c.Name).Select(c => c.Currency).FirstOrDefaultAsync(cancellationToken) ?? "BDT";
        var rows = await services.OrderBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.DurationMinutes, s.Price, s.Colour, s.BufferMinutes, s.IsOnline, s.IsActive, Doctors = s.Doctors.Select(d => d.DoctorId).ToList() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AppointmentTypeView(r.Id, r.Name, r.DurationMinutes, r.Price, currency, r.Colour, r.BufferMinutes, r.IsOnline, r.IsActive, r.Doctors))];
    }
}
