using Clinic.Domain.Branches;

namespace Clinic.Data.Branches;

/// <summary>A branch as the owner's list, the doctors list's filter and the front desk show it, with who works there.</summary>
public sealed record BranchView(Guid Id, string Name, string Address, string? Phone, string? OpeningHours, IReadOnlyList<Guid> DoctorIds, IReadOnlyList<string> DoctorNames)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public BranchDetails Details => new(Name, Address, Phone, OpeningHours);
}
