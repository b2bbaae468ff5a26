using Clinic.Data.Overview;
using Clinic.Data.Persistence;
using Clinic.Domain.Clinics;
using Clinic.Domain.Events;
using Clinic.Domain.Messaging;
using Clinic.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Tests.Data;

public sealed class ClinicSettingsEditorTests : DemoClinicTests
{
    private ClinicSettingsEditor Editor => Harness.Get<ClinicSettingsEditor>();

    [Fact]
    public async Task A_new_reminder_lead_time_moves_the_reminders_not_yet_sent()
    {
        await People.BookConfirmedAsync(Harness, ClinicPeople.WednesdayNine);
        var settings = (await Editor.GetAsync())!;

        (await Editor.UpdateAsync(People.Owner.Actor, settings with { ReminderLeadHours = 2 })).Succeeded.Should().BeTrue();

        await using var db = await Harness.Get<IDbContextFactory<ClinicDbContext>>().CreateDbContextAsync();
        var reminder = await db.Outbox.SingleAsync(m => m.Kind == OutboxKind.Reminder);
        reminder.DueUtc.Should().Be(ClinicPeople.WednesdayNine.AddHours(-2));
        (await Editor.GetAsync())!.ReminderLeadHours.Should().Be(2);
        Harness.Events.Published.OfType<AvailabilityChanged>().Should().Contain(e => e.DoctorId == People.TanvirId);
    }

    [Fact]
    public async Task Out_of_range_values_are_refused_with_a_sentence_each_and_nothing_changes()
    {
        var before = (await Editor.GetAsync())!;

        var result = await Editor.UpdateAsync(People.Owner.Actor, before with { BookingWindowDays = 0, WaitlistHoldMinutes = 2 });

        result.Errors.Should().BeEquivalentTo(
            "The booking window must be between 1 and 366 days.",
            "A waitlist offer must be held between 5 and 1440 minutes.");
        (await Editor.GetAsync()).Should().Be(before);
    }

    [Fact]
    public async Task The_phone_patients_call_is_kept_as_written_and_a_number_without_digits_is_refused()
    {
        var before = (await Editor.GetAsync())!;
        before.Phone.Should().Be(Clinic.Data.Seeding.DemoClinicSeeder.Phone);

        (await Editor.UpdateAsync(People.Owner.Actor, before with { Phone = " +880 1711-000 999 " })).Succeeded.Should().BeTrue();
        (await Editor.GetAsync())!.Phone.Should().Be("+880 1711-000 999");

        var refused = await Editor.UpdateAsync(People.Owner.Actor, before with { Phone = "call us!" });
        refused.Error.Should().StartWith("Write the phone number with 7 to 20 digits");
        (await Editor.GetAsync())!.Phone.Should().Be("+880 1711-000 999");
    }

    [Fact]
    public async Task Staff_cannot_change_the_settings()
    {
        var before = (await Editor.GetAsync())!;

        (await Editor.UpdateAsync(People.Sadia.Actor, before with { ReminderLeadHours = 48 })).Error.Should().Be(ClinicSettingsEditor.OwnerOnly);
        (await Editor.GetAsync()).Should().Be(before);
    }
}
