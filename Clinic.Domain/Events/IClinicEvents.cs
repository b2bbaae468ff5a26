namespace Clinic.Domain.Events;

/// <summary>
/// Where use cases announce a change once it is committed. The web app fans events out to
/// open pages; tests record them.
/// </summary>
public interface IClinicEvents
{
    void Publish(ClinicEvent clinicEvent);
}
