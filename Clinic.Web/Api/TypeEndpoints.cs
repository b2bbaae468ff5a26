using System.Security.Claims;
using Clinic.Data.Types;
using Clinic.Domain.Services;

namespace Clinic.Web.Api;

/// <summary>Appointment types: anyone reads a doctor's active ones; the owner lists, adds and changes them.</summary>
public static class TypeEndpoints
{
    /// <param name="DoctorIds">The doctors who offer it.</param>
    public sealed record TypeRequest(string? Name, int? DurationMinutes, decimal? Price, string? Colour, int? BufferMinutes, bool? IsOnline, bool? IsActive,
        IReadOnlyList<Guid>? DoctorIds);

    public static void MapTypes(this RouteGroupBuilder api)
    {
        api.MapGet("/doctors/{doctorId:guid}/types", async (Guid doctorId, AppointmentTypes types, CancellationToken cancellationToken) =>
            TypedResults.Ok(await types.ForDoctorAsync(doctorId, cancellationToken)))
        .WithTags("Appointment types").WithSummary("The active appointment types a doctor offers, with duration and price: what a booking may name as its serviceId")
        .AllowAnonymous();

        var owner = api.MapGroup("/types").WithTags("Appointment types");

        owner.MapGet("/", async (ClaimsPrincipal user, AppointmentTypes types, CancellationToken cancellationToken) =>
            ApiCaller.Actor(user).IsOwner
                ? Results.Ok(await types.ListAsync(cancellationToken))
                : ApiProblems.From(Clinic.Domain.Common.Result.Refused(Clinic.Domain.Common.RefusalCodes.Forbidden, AppointmentTypes.OwnerOnly)))
        .WithSummary("Every appointment type, offered or not (owner)")
        .Produces<IReadOnlyList<AppointmentTypeView>>().ProducesProblem(StatusCodes.Status403Forbidden);

        owner.MapPost("/", (TypeRequest body, ClaimsPrincipal user, AppointmentTypes types, CancellationToken cancellationToken) =>
            SaveAsync(null, body, user, types, cancellationToken))
        .WithSummary("Add an appointment type (owner)")
        .Produces<AppointmentTypeView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem();

        owner.MapPut("/{id:guid}", (Guid id, TypeRequest body, ClaimsPrincipal user, AppointmentTypes types, CancellationToken cancellationToken) =>
            SaveAsync(id, body, user, types, cancellationToken))
        .WithSummary("Change an appointment type (owner); every field is replaced")
        .Produces<AppointmentTypeView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();
    }

    private static async Task<IResult> SaveAsync(Guid? id, TypeRequest body, ClaimsPrincipal user, AppointmentTypes types, CancellationToken cancellationToken)
    {
        var details = new AppointmentTypeDetails(body.Name ?? "", body.DurationMinutes ?? 0, body.Price ?? 0, body.Colour ?? MedicalService.DefaultColour,
            body.BufferMinutes ?? 0, body.IsOnline ?? false, body.IsActive ?? true, body.DoctorIds ?? []);
        if (MedicalService.Problems(details) is { Count: > 0 } problems)
            return ApiProblems.From(Clinic.Domain.Common.Result.From(problems));
        var saved = await types.SaveAsync(ApiCaller.Actor(user), id, details, cancellationToken);
        if (!saved.Succeeded)
            return ApiProblems.From(saved);
        var view = (await types.ListAsync(cancellationToken)).Single(t => t.Id == saved.Value);
        return id is null ? TypedResults.Created($"/api/v1/types/{view.Id}", view) : TypedResults.Ok(view);
    }
}
