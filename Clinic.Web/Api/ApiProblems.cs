using Clinic.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Web.Api;

/// <summary>
/// Every refusal as RFC 7807 ProblemDetails: the sentence a person reads in <c>detail</c>, the
/// stable <c>code</c> software branches on, and the HTTP status that code implies.
/// </summary>
public static class ApiProblems
{
    public const string Invalid = "invalid";

    public static IResult From(Result failed)
    {
        var code = failed.Code ?? Invalid;
        return TypedResults.Problem(new ProblemDetails
        {
            Status = StatusOf(code),
            Title = TitleOf(code),
            Detail = failed.Error,
            Type = $"urn:clinic:problem:{code}",
            Extensions = { ["code"] = code, ["errors"] = failed.Errors },
        });
    }

    /// <summary>Bad fields of a request, each with its sentence (400, code <c>invalid</c>).</summary>
    public static IResult Fields(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(e => e)), type: $"urn:clinic:problem:{Invalid}",
            extensions: new Dictionary<string, object?> { ["code"] = Invalid });

    public static IResult Field(string field, string error) => Fields(new Dictionary<string, string[]> { [field] = [error] });

    /// <summary>429 with Retry-After and code <c>rate_limited</c>.</summary>
    public static IResult TooManyRequests(HttpContext context, Clinic.Web.Security.ThrottleVerdict verdict, string what)
    {
        verdict.ApplyTo(context.Response);
        return TypedResults.Problem(
            detail: verdict.Message(what), statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests", type: "urn:clinic:problem:rate_limited",
            extensions: new Dictionary<string, object?> { ["code"] = "rate_limited" });
    }

    public static IResult NotFound(string what) => From(Result.Refused(RefusalCodes.NotFound, what));

    public static int StatusOf(string code) => code switch
    {
        RefusalCodes.NotFound => StatusCodes.Status404NotFound,
        RefusalCodes.Forbidden => StatusCodes.Status403Forbidden,
        RefusalCodes.ChangedMeanwhile or RefusalCodes.SlotFull or RefusalCodes.DoesNotFit or RefusalCodes.PatientBusy or RefusalCodes.InvalidState or RefusalCodes.SlotBooked => StatusCodes.Status409Conflict,
        RefusalCodes.TooSoon or RefusalCodes.OutsideWindow or RefusalCodes.SlotDisabled or RefusalCodes.InPast
            or RefusalCodes.DoctorAway or RefusalCodes.NoSuchSlot or RefusalCodes.TooLate => StatusCodes.Status422UnprocessableEntity,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string TitleOf(string code) => code switch
    {
        RefusalCodes.NotFound => "Not found",
        RefusalCodes.Forbidden => "Not allowed for your role",
        RefusalCodes.ChangedMeanwhile => "Changed by someone else",
        RefusalCodes.SlotFull => "The slot is full",
        RefusalCodes.DoesNotFit => "The type of visit does not fit at that time",
        RefusalCodes.PatientBusy => "The patient has another appointment then",
        RefusalCodes.InvalidState => "Not possible in the appointment's current state",
        RefusalCodes.TooSoon => "Too close to the start",
        RefusalCodes.OutsideWindow => "Beyond the booking window",
        RefusalCodes.SlotDisabled => "The slot is disabled",
        RefusalCodes.InPast => "The time has passed",
        RefusalCodes.DoctorAway => "The doctor is away",
        RefusalCodes.NoSuchSlot => "Not a time in the doctor's schedule",
        RefusalCodes.TooLate => "Past the clinic's cut-off",
        RefusalCodes.SlotBooked => "The slot has bookings",
        _ => "The request is not valid",
    };
}
