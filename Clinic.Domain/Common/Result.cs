namespace Clinic.Domain.Common;

/// <summary>
/// The outcome of an operation whose failure is expected (a rule said no). The errors are
/// sentences a person reads; <see cref="Code"/>, when set, names the refusal for software
/// (the API's ProblemDetails carry it). Exceptions stay for bugs and infrastructure faults.
/// </summary>
public record Result(IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public string Error => string.Join(" ", Errors);

    /// <summary>A stable, machine-readable name of the refusal, e.g. <c>slot_full</c>; null for plain validation.</summary>
    public string? Code { get; init; }

    public static Result Success { get; } = new([]);

    public static Result Failure(params string[] errors) => new(errors);

    /// <summary>A refusal with its stable code.</summary>
    public static Result Refused(string code, string error) => new([error]) { Code = code };

    public static Result From(IReadOnlyList<string> errors) => new(errors);
}

/// <summary>A <see cref="Result"/> that carries a value when it succeeded.</summary>
public sealed record Result<T>(T? Value, IReadOnlyList<string> Errors) : Result(Errors)
{
    public static Result<T> Ok(T value) => new(value, []);

    public static new Result<T> Failure(params string[] errors) => new(default, errors);

    public static new Result<T> Refused(string code, string error) => new(default, [error]) { Code = code };

    public static Result<T> From(Result failed) => new(default, failed.Errors) { Code = failed.Code };
}
