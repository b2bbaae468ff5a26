namespace Clinic.Domain.Common;

/// <summary>
/// The outcome of an operation whose failure is expected (a rule said no). The errors are
/// sentences a person reads; exceptions stay for bugs and infrastructure faults.
/// </summary>
public record Result(IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public string Error => string.Join(" ", Errors);

    public static Result Success { get; } = new([]);

    public static Result Failure(params string[] errors) => new(errors);

    public static Result From(IReadOnlyList<string> errors) => new(errors);
}

/// <summary>A <see cref="Result"/> that carries a value when it succeeded.</summary>
public sealed record Result<T>(T? Value, IReadOnlyList<string> Errors) : Result(Errors)
{
    public static Result<T> Ok(T value) => new(value, []);

    public static new Result<T> Failure(params string[] errors) => new(default, errors);

    public static Result<T> From(Result failed) => new(default, failed.Errors);
}
