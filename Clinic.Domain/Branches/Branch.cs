using Clinic.Domain.Common;
using Clinic.Domain.Events;

namespace Clinic.Domain.Branches;

/// <summary>
/// One place where the clinic sees patients. The clinic keeps one time zone, currency and set of
/// booking rules; a branch has its own name, address, phone and opening hours, and each doctor
/// works at one branch (or, in a clinic with a single address, at none).
/// </summary>
public sealed class Branch : RecordsEvents
{
    private Branch() { }

    public Guid Id { get; private set; }
    public Guid ClinicId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string Address { get; private set; } = string.Empty;
    public string? Phone { get; private set; }
    public string? OpeningHours { get; private set; }

    public BranchDetails Details => new(Name, Address, Phone, OpeningHours);

    /// <summary>Where a doctor sees patients, as patients read it: "Uttara branch, House 7 …", or the address alone without a branch.</summary>
    public static string Where(string? branchName, string address) => branchName is null ? address : $"{branchName} branch, {address}";

    public static Result<Branch> Create(Guid clinicId, BranchDetails details)
    {
        if (details.Problems() is { Count: > 0 } problems)
            return Result<Branch>.Failure([.. problems]);
        var branch = new Branch { Id = RowIds.New(), ClinicId = clinicId };
        branch.Apply(details);
        return Result<Branch>.Ok(branch);
    }

    public Result Update(BranchDetails details)
    {
        if (details.Problems() is { Count: > 0 } problems)
            return Result.Failure([.. problems]);
        Apply(details);
        return Result.Success;
    }

    private void Apply(BranchDetails details)
    {
        Name = details.Name.Trim();
        Address = details.Address.Trim();
        Phone = string.IsNullOrWhiteSpace(details.Phone) ? null : details.Phone.Trim();
        OpeningHours = string.IsNullOrWhiteSpace(details.OpeningHours) ? null : details.OpeningHours.Trim();
        Happened(new ClinicProfileChanged());
    }
}
