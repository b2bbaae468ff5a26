using Clinic.Domain.Common;

namespace Clinic.Domain.Branches;

/// <summary>What the owner enters about a branch: its short name ("Uttara"), where it is, and how to reach it.</summary>
public sealed record BranchDetails(string Name, string Address, string? Phone, string? OpeningHours)
{
    public const int MaxNameLength = 60;
    public const int MaxAddressLength = 300;
    public const int MaxOpeningHoursLength = 300;

    /// <summary>How an address asks for every branch at once (?branch=all), so no branch may be called that.</summary>
    public const string AllBranches = "all";

    /// <summary>Everything wrong with the details, in the owner's words; empty when they are fine.</summary>
    public IReadOnlyList<string> Problems()
    {
        var errors = new List<string>();
        Text.Required(errors, Name, "Branch name", MaxNameLength);
        if (string.Equals(Name?.Trim(), AllBranches, StringComparison.OrdinalIgnoreCase))
            errors.Add("A branch cannot be called \"All\": that word picks every branch at once.");
        Text.Required(errors, Address, "Address", MaxAddressLength);
        if (PhoneNumber.OptionalProblem(Phone) is { } phone)
            errors.Add(phone);
        Text.Optional(errors, OpeningHours, "Opening hours", MaxOpeningHoursLength);
        return errors;
    }
}
