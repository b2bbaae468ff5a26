using System.Security.Cryptography;
using Clinic.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Clinic.Web.Auth;

/// <summary>
/// A hash of a random password, made once per app with the app's own hasher (same algorithm, same
/// rounds as the accounts' hashes), so that checking a password against it when there is no account
/// to check costs what checking an account's does. One per app, not per process: two apps in one
/// process (tests, a tool) may hash with different rounds.
/// </summary>
public sealed class DecoyPassword
{
    private string? hash;

    /// <summary>Checks the password against the decoy with the app's hasher: the work of a real check, always refused.</summary>
    public void Verify(IPasswordHasher<ClinicUser> hasher, ClinicUser? user, string password) =>
        hasher.VerifyHashedPassword(user ?? new ClinicUser(), HashWith(hasher), password);

    /// <summary>The decoy as stored, made by the first hasher asked (two made at once: either is kept).</summary>
    internal string HashWith(IPasswordHasher<ClinicUser> hasher) =>
        Volatile.Read(ref hash) ?? Interlocked.CompareExchange(ref hash, New(hasher), null) ?? hash!;

    private static string New(IPasswordHasher<ClinicUser> hasher) =>
        hasher.HashPassword(new ClinicUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
}
