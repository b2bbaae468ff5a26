using Clinic.Domain.Common;

namespace Clinic.Domain.Doctors;

/// <summary>The public profile of a user in role Doctor.</summary>
public sealed class DoctorProfile : Clinic.Domain.Events.RecordsEvents
{
    private DoctorProfile() { }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = string.Empty;
    public Guid ClinicId { get; private set; }

    /// <summary>The branch the doctor sees patients at; none in a clinic with a single address.</summary>
    public Guid? BranchId { get; private set; }
    public string FullName { get; private set; } = string.Empty;
    public string Specialization { get; private set; } = string.Empty;
    public int YearsOfExperience { get; private set; }
    public decimal ConsultationFee { get; private set; }
    public string PracticeAddress { get; private set; } = string.Empty;
    public int DefaultSlotMinutes { get; private set; }
    public string? Bio { get; private set; }

    public static Result<DoctorProfile> Create(string userId, Guid clinicId, DoctorProfileDetails details)
    {
        var profile = new DoctorProfile { Id = Guid.NewGuid(), UserId = userId, ClinicId = clinicId };
        var applied = profile.Update(details);
        return applied.Succeeded ? Result<DoctorProfile>.Ok(profile) : Result<DoctorProfile>.From(applied);
    }

    public Result Update(DoctorProfileDetails details)
    {
        var errors = details.Validate();
        if (errors.Count > 0)
            return Result.From(errors);
        FullName = details.FullName.Trim();
        Specialization = details.Specialization.Trim();
        YearsOfExperience = details.YearsOfExperience;
        ConsultationFee = details.ConsultationFee;
        PracticeAddress = details.PracticeAddress.Trim();
        DefaultSlotMinutes = details.DefaultSlotMinutes;
        Bio = string.IsNullOrWhiteSpace(details.Bio) ? null : details.Bio.Trim();
        Happened(new Clinic.Domain.Events.DoctorProfileChanged(Id));
        return Result.Success;
    }

    /// <summary>
    /// The doctor now sees patients at this branch (or at none). The doctor's address becomes the
    /// branch's, so every place that shows a doctor's address (cards, emails, calendar feeds) keeps
    /// reading one column; a branch that moves rewrites its doctors' addresses in the same commit.
    /// </summary>
    public void WorkAt(Clinic.Domain.Branches.Branch? branch)
    {
        if (branch is not null && branch.ClinicId != ClinicId)
            throw new InvalidOperationException("A doctor works at a branch of their own clinic.");
        if (BranchId == branch?.Id && (branch is null || PracticeAddress == branch.Address))
            return;
        BranchId = branch?.Id;
        if (branch is not null)
            PracticeAddress = branch.Address;
        Happened(new Clinic.Domain.Events.DoctorProfileChanged(Id));
    }

    /// <summary>The doctor's photo, an image stored with the clinic's data; none until one is uploaded.</summary>
    public Guid? PhotoImageId { get; private set; }

    /// <summary>A new photo (or none); the caller stores the image and removes the old one.</summary>
    public void ChangePhoto(Guid? imageId)
    {
        PhotoImageId = imageId;
        Happened(new Clinic.Domain.Events.DoctorProfileChanged(Id));
    }

    public DoctorProfileDetails Details =>
        new(FullName, Specialization, YearsOfExperience, ConsultationFee, PracticeAddress, DefaultSlotMinutes, Bio, BranchId);
}
