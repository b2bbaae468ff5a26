using Clinic.Data.Branches;

namespace Clinic.Web.Components.Branches;

/// <summary>
/// The branches a desk page (front desk, requests, availability, agenda) chooses among, and the one
/// it shows: the one its address names (<c>?branch=Uttara</c>), every branch for <c>?branch=all</c>,
/// else the branch whose desk the person works. The branches and the desk are read once per page.
/// </summary>
public sealed class DeskBranches
{
    private Guid? desk;
    private bool read;

    public IReadOnlyList<BranchView> All { get; private set; } = [];

    public async Task<BranchView?> ShownAsync(BranchAdministration branches, string userId, string? asked)
    {
        if (!read)
        {
            All = await branches.ListAsync();
            desk = await branches.DeskOfAsync(userId);
            read = true;
        }
        return asked is null ? All.FirstOrDefault(b => b.Id == desk) : Named(All, asked);
    }

    /// <summary>The branch an address names, matched as a person would type it; none when it names no branch (or "all").</summary>
    public static BranchView? Named(IReadOnlyList<BranchView> branches, string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : branches.FirstOrDefault(b => string.Equals(b.Name, name.Trim(), StringComparison.CurrentCultureIgnoreCase));
}
