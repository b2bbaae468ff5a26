namespace Clinic.Domain.Payments;

/// <summary>How the patient paid at the desk.</summary>
public enum PaymentMethod
{
    Cash,
    Card,

    /// <summary>bKash, Nagad, Rocket and the like: the patient sends money from a phone.</summary>
    MobileWallet,
    BankTransfer,
}
