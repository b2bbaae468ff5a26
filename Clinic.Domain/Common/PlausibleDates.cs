namespace Clinic.Domain.Common;

/// <summary>
/// The dates a clinic ever books or looks at. Anything outside (0001-01-01, 9999-12-31) is a typo or
/// a probe, and would overflow date arithmetic deep inside a calculation: refused at the boundary.
/// </summary>
public static class PlausibleDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;
}
