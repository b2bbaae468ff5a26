using Clinic.Domain.Common;

namespace Clinic.Domain.Payments;

/// <summary>What the front desk enters when a patient pays.</summary>
public sealed record PaymentDetails(decimal Amount, PaymentMethod Method, string? Reference = null)
{
    /// <summary>What is wrong with it against what is still due, in the words the desk reads; empty when it can be taken.</summary>
    public IReadOnlyList<string> Problems(decimal due, string currency)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(Method))
            problems.Add("Choose how the patient paid.");
        if (Amount <= 0)
            problems.Add("Enter the amount received.");
        else if (decimal.Round(Amount, 2) != Amount)
            problems.Add("An amount has at most two decimals.");
        else if (Amount > due)
            problems.Add($"Only {Money.Format(due, currency)} is still due; take at most that.");
        if (Reference?.Trim().Length > VisitPayment.MaxReferenceLength)
            problems.Add($"The reference can be at most {VisitPayment.MaxReferenceLength} characters.");
        else if (Reference is not null && Text.HasControlCharacters(Reference, allowLineBreaks: false))
            problems.Add("The reference contains characters that cannot be shown.");
        return problems;
    }
}
