using Clinic.Domain.Services;

namespace Clinic.Tests.Domain.Services;

/// <summary>An appointment type's own rules: what the owner may set, and who offers it.</summary>
public sealed class AppointmentTypeRulesTests
{
    private static readonly Guid Tanvir = Guid.NewGuid();
    private static readonly Guid Nusrat = Guid.NewGuid();

    private static AppointmentTypeDetails Ecg(params Guid[] doctors) => new("ECG", 20, 600m, "#E53935", 5, false, true, doctors);

    [Fact]
    public void Every_problem_is_named_at_once_in_the_owner_s_words()
    {
        var problems = MedicalService.Problems(new AppointmentTypeDetails(" ", 2, -1m, "red", 500, false, true, []));

        problems.Should().BeEquivalentTo(
        [
            "Name is required.",
            "Duration must be between 5 and 480 minutes.",
            "Price cannot be negative.",
            $"The time kept free after a visit must be between 0 and {MedicalService.MaxBufferMinutes} minutes.",
            "Colour must be written as #RRGGBB, e.g. #1E88E5.",
        ]);
        MedicalService.Create(Guid.NewGuid(), Ecg()).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Only_the_doctors_chosen_offer_it_and_only_while_it_is_offered()
    {
        var ecg = MedicalService.Create(Guid.NewGuid(), Ecg(Tanvir)).Value!;

        ecg.OfferedBy(Tanvir).Should().BeTrue();
        ecg.OfferedBy(Nusrat).Should().BeFalse("a paediatrician does not offer an ECG unless the owner says so");

        ecg.Update(Ecg(Nusrat) with { IsActive = false }).Succeeded.Should().BeTrue();
        ecg.Doctors.Select(d => d.DoctorId).Should().Equal(Nusrat);
        ecg.OfferedBy(Nusrat).Should().BeFalse("a type no longer offered is offered by nobody");
        ecg.RecordedEvents.Should().ContainItemsAssignableTo<Clinic.Domain.Events.AppointmentTypesChanged>();
    }

    [Fact]
    public void A_refused_change_leaves_the_type_as_it_was()
    {
        var ecg = MedicalService.Create(Guid.NewGuid(), Ecg(Tanvir)).Value!;

        ecg.Update(Ecg(Nusrat) with { DurationMinutes = 0 }).Succeeded.Should().BeFalse();

        (ecg.DurationMinutes, ecg.Doctors.Single().DoctorId).Should().Be((20, Tanvir));
    }
}
