using Clinic.Domain.Common;

namespace Clinic.Domain.Payments;

/// <summary>
/// A visit's fee lowered at the desk, with why: a follow-up the doctor sees free, a staff member's
/// family, a patient who cannot pay it all. What is left unpaid then no longer counts as owed.
/// </summary>
public sealed record FeeDiscount(decimal Fee, string? Reason)
{
    public const int MaxReasonLength = 500;

    /// <summary>What is wrong with it against the fee now and what was paid, in the desk's words; empty when it can be given.</summary>
    public IReadOnlyList<string> Problems(VisitCharge charge, decimal paid)
    {
        var problems = new List<string>();
        if (Fee < 0 || Fee >= charge.Fee)
            problems.Add($"A discount lowers the fee: give a fee below {Money.Format(charge.Fee, charge.Currency)}.");
        else if (decimal.Round(Fee, 2) != Fee)
            problems.Add("A fee has at most two decimals.");
        else if (Fee < paid)
            problems.Add($"{Money.Format(paid, charge.Currency)} was already paid; the fee cannot go below that (void a payment to give money back).");
        if (string.IsNullOrWhiteSpace(Reason))
            problems.Add("Say why the fee is lowered (a follow-up seen free, the doctor's say, ...).");
        else if (Reason.Trim().Length > MaxReasonLength)
            problems.Add($"The reason can be at most {MaxReasonLength} characters.");
        else if (Text.HasControlCharacters(Reason, allowLineBreaks: true))
            problems.Add("The reason contains invisible control characters.");
        return problems;
    }
}
