using System.Reflection;
using Clinic.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Clinic.Data.Identity;

/// <summary>
/// Refuses passwords longer than <see cref="PasswordRules.MaxLength"/> and those on the bundled list
/// of passwords known from breaches (compared without case; nothing is fetched from the network).
/// Identity's own validator checks the minimum length.
/// </summary>
public sealed class ClinicPasswordValidator : IPasswordValidator<ClinicUser>
{
    private static readonly Lazy<HashSet<string>> Breached = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<ClinicUser> manager, ClinicUser user, string? password)
    {
        if (password is null)
            return Task.FromResult(IdentityResult.Success);
        if (password.Length > PasswordRules.MaxLength)
            return Refuse("PasswordTooLong", $"A password is at most {PasswordRules.MaxLength} characters.");
        if (IsBreached(password))
            return Refuse("PasswordBreached", "This password is one of the most common ones, known from data breaches. Choose another: a few unrelated words make a strong passphrase.");
        if (user.Email is { Length: > 0 } email && string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase))
            return Refuse("PasswordIsEmail", "The password cannot be your email address.");
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsBreached(string password) => Breached.Value.Contains(password.Trim().ToLowerInvariant());

    private static Task<IdentityResult> Refuse(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Clinic.Data.Identity.breached-passwords.txt")
            ?? throw new InvalidOperationException("The bundled breached-password list is missing from Clinic.Data.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0)
                set.Add(line);
        return set;
    }
}
