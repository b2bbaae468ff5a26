using System.Security.Claims;
using Clinic.Data.Branches;
using Clinic.Domain.Branches;

namespace Clinic.Web.Api;

/// <summary>The clinic's branches: anyone lists them (with who works where); the owner adds, changes and removes them.</summary>
public static class BranchEndpoints
{
    public sealed record BranchRequest(string? Name, string? Address, string? Phone, string? OpeningHours);

    public static void MapBranches(this RouteGroupBuilder api)
    {
        var branches = api.MapGroup("/branches").WithTags("Branches");

        branches.MapGet("/", async (BranchAdministration admin, CancellationToken cancellationToken) =>
            TypedResults.Ok(await admin.ListAsync(cancellationToken)))
        .WithSummary("The clinic's branches by name, with the doctors who work at each; empty for a clinic with one address")
        .AllowAnonymous();

        branches.MapPost("/", (BranchRequest body, ClaimsPrincipal user, BranchAdministration admin, CancellationToken cancellationToken) =>
            SaveAsync(null, body, user, admin, cancellationToken))
        .WithSummary("Add a branch (owner)")
        .Produces<BranchView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem();

        branches.MapPut("/{id:guid}", (Guid id, BranchRequest body, ClaimsPrincipal user, BranchAdministration admin, CancellationToken cancellationToken) =>
            SaveAsync(id, body, user, admin, cancellationToken))
        .WithSummary("Change a branch (owner); every field is replaced, and a new address becomes its doctors' address")
        .Produces<BranchView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();

        branches.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, BranchAdministration admin, CancellationToken cancellationToken) =>
            await admin.RemoveAsync(ApiCaller.Actor(user), id, cancellationToken) is { Succeeded: false } refused ? ApiProblems.From(refused) : Results.NoContent())
        .WithSummary("Remove a branch nobody works at (owner)")
        .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
    }

    private static async Task<IResult> SaveAsync(Guid? id, BranchRequest body, ClaimsPrincipal user, BranchAdministration admin, CancellationToken cancellationToken)
    {
        var saved = await admin.SaveAsync(ApiCaller.Actor(user), id, new BranchDetails(body.Name ?? "", body.Address ?? "", body.Phone, body.OpeningHours), cancellationToken);
        if (!saved.Succeeded)
            return ApiProblems.From(saved);
        var view = (await admin.ListAsync(cancellationToken)).Single(b => b.Id == saved.Value);
        return id is null ? TypedResults.Created($"/api/v1/branches/{view.Id}", view) : TypedResults.Ok(view);
    }
}
