using Clinic.Data.Identity;
using Clinic.Web.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clinic.Tests.Security;

/// <summary>The decoy an unknown email is checked against costs what the app's own hashes cost: each app makes its own.</summary>
public sealed class DecoyPasswordTests
{
    private static PasswordHasher<ClinicUser> Hasher(int rounds) => new(Options.Create(new PasswordHasherOptions { IterationCount = rounds }));

    // Identity's V3 format: a marker byte, the PRF, then the rounds as a big-endian 32-bit number.
    private static int Rounds(string hash) => System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));

    [Fact]
    public void Each_app_s_decoy_is_hashed_with_that_app_s_rounds_and_then_kept()
    {
        var (cheap, dear) = (Hasher(1_000), Hasher(5_000));

        Rounds(new DecoyPassword().HashWith(cheap)).Should().Be(1_000);
        Rounds(new DecoyPassword().HashWith(dear)).Should().Be(5_000, "another app in the same process hashes with its own rounds");

        var decoy = new DecoyPassword();
        decoy.HashWith(dear).Should().Be(decoy.HashWith(dear), "one decoy per app, made once");
    }

    [Fact]
    public void No_password_matches_the_decoy()
    {
        var (decoy, hasher) = (new DecoyPassword(), Hasher(1_000));

        hasher.VerifyHashedPassword(new ClinicUser(), decoy.HashWith(hasher), "Gomoti-Demo-2026").Should().Be(PasswordVerificationResult.Failed);
        hasher.VerifyHashedPassword(new ClinicUser(), decoy.HashWith(hasher), "").Should().Be(PasswordVerificationResult.Failed);
    }
}
