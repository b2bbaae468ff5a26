using Clinic.Data.Booking;
using Clinic.Data.Types;
using Clinic.Domain.Common;
using Clinic.Domain.Events;
using Clinic.Domain.Services;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data.Types;

/// <summary>The owner's appointment types: managed by the owner, offered per doctor, and the only types a booking may name.</summary>
public sealed class AppointmentTypesTests : DemoClinicTests
{
    private AppointmentTypes Types => Harness.Get<AppointmentTypes>();

    [Fact]
    public async Task A_cardiologist_offers_the_demo_clinic_s_cardiac_types_with_duration_and_price_and_no_blood_test()
    {
        var tanvir = await Types.ForDoctorAsync(People.TanvirId);

        tanvir.Select(t => t.Label).Should().Equal(
            "ECG · 20 min · BDT 600", "Exercise stress test · 60 min · BDT 3,000", "Follow-up visit · 15 min · BDT 500", "General consultation · 30 min · BDT 800", "Video consultation · 30 min · BDT 700 · online");
    }

    [Fact]
    public async Task The_owner_adds_a_type_for_chosen_doctors_and_staff_may_not()
    {
        var owner = await Harness.ActorAsync("owner@gomoti.example");
        var staff = await Harness.ActorAsync("staff1@gomoti.example");
        var echo = new AppointmentTypeDetails("Echocardiogram", 45, 2500m, "#6D4C41", 15, false, true, [People.TanvirId]);

        var refused = await Types.SaveAsync(staff, null, echo);
        var added = await Types.SaveAsync(owner, null, echo);
        var twice = await Types.SaveAsync(owner, null, echo with { Name = " echocardiogram " });

        refused.Code.Should().Be(RefusalCodes.Forbidden);
        added.Succeeded.Should().BeTrue(added.Error);
        twice.Error.Should().Be("There is already a type called \"echocardiogram\".");
        (await Types.ForDoctorAsync(People.TanvirId)).Should().ContainSingle(t => t.Name == "Echocardiogram" && t.BufferMinutes == 15);
        Harness.Events.Published.Should().ContainItemsAssignableTo<AppointmentTypesChanged>();
    }

    [Fact]
    public async Task A_booking_may_name_only_an_active_type_the_doctor_offers()
    {
        var owner = await Harness.ActorAsync("owner@gomoti.example");
        var bloodTest = (await Types.ListAsync()).Single(t => t.Name == "Blood test");
        var ecg = (await Types.ListAsync()).Single(t => t.Name == "ECG");
        var booking = Harness.Get<BookingService>();

        var notOffered = await booking.BookAsync(People.Ayesha, new BookingRequest(People.TanvirId, ClinicPeople.WednesdayNine, bloodTest.Id));
        (await Types.SaveAsync(owner, ecg.Id, ecg.Details with { IsActive = false })).Succeeded.Should().BeTrue();
        var withdrawn = await booking.BookAsync(People.Ayesha, new BookingRequest(People.TanvirId, ClinicPeople.WednesdayNine, ecg.Id));
        var plain = await booking.BookAsync(People.Ayesha, new BookingRequest(People.TanvirId, ClinicPeople.WednesdayNine));

        notOffered.Error.Should().Be("That type of visit is not offered by this doctor (any more); choose another.");
        withdrawn.Error.Should().Be(notOffered.Error);
        plain.Succeeded.Should().BeTrue("a visit without a type is still welcome");
        (await Types.ForDoctorAsync(People.TanvirId)).Should().NotContain(t => t.Name == "ECG");
        (await Types.ListAsync()).Should().Contain(t => t.Name == "ECG" && !t.IsActive, "the owner still sees it to offer it again");
    }
}
