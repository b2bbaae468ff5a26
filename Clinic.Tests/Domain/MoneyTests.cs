using Clinic.Domain.Common;

namespace Clinic.Tests.Domain;

/// <summary>An amount reads the same on every screen: the currency code, thousands set apart, paisa only when there are any.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData(600, "BDT 600")]
    [InlineData(3000, "BDT 3,000")]
    [InlineData(1500.5, "BDT 1,500.50")]
    [InlineData(0, "BDT 0")]
    public void An_amount_is_written_with_its_currency_and_separators(decimal amount, string written) =>
        Money.Format(amount, "BDT").Should().Be(written);
}
