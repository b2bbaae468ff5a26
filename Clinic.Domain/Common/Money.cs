using System.Globalization;

namespace Clinic.Domain.Common;

/// <summary>An amount with the clinic's currency code as every screen and message writes it (e.g. "BDT 1,500").</summary>
public static class Money
{
    public static string Format(decimal amount, string currency) =>
        decimal.Truncate(amount) == amount
            ? $"{currency} {amount.ToString("#,0", CultureInfo.InvariantCulture)}"
            : $"{currency} {amount.ToString("#,0.00", CultureInfo.InvariantCulture)}";
}
