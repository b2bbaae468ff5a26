namespace Clinic.Web.Email;

/// <summary>Sends one message to one person.</summary>
public interface IClinicMailer
{
    Task SendAsync(string toEmail, string toName, string subject, string htmlBody, CancellationToken cancellationToken = default);
}
