using Clinic.Data.Chat;
using Clinic.Data.Notifications;
using Clinic.Domain.Chat;
using Clinic.Domain.Events;
using Clinic.Domain.Identity;
using Clinic.Tests.Support;

namespace Clinic.Tests.Data.Chat;

public sealed class ConversationsTests() : DemoClinicTests(new DataHarness(settings: new Dictionary<string, string?>
{
    ["Clinic:Chat:MessagesPerWindow"] = "5",
    ["Clinic:Chat:RateWindow"] = "00:01:00",
    ["Clinic:Chat:PageSize"] = "4",
}))
{
    private Conversations Chat => Harness.Get<Conversations>();
    private Actor Ayesha => People.Ayesha.Actor;
    private Actor Sadia => People.Sadia.Actor;

    [Fact]
    public async Task A_patient_and_staff_exchange_messages_each_seeing_sender_and_text_in_order()
    {
        (await Chat.PostAsync(Ayesha, Ayesha.UserId, "  Can I bring my report to the visit?  ")).Succeeded.Should().BeTrue();
        (await Chat.PostAsync(Sadia, Ayesha.UserId, "Yes, please bring it.")).Succeeded.Should().BeTrue();

        var page = (await Chat.HistoryAsync(Sadia, Ayesha.UserId)).Value!;
        page.PatientName.Should().Be("Ayesha Siddiqua");
        page.Messages.Select(m => (m.SenderName, m.FromClinic, m.Text)).Should().Equal(
            ("Ayesha Siddiqua", false, "Can I bring my report to the visit?"),
            ("Sadia Islam", true, "Yes, please bring it."));
        Harness.Events.Published.OfType<ConversationChanged>().Should().OnlyContain(e => e.PatientUserId == Ayesha.UserId);
    }

    [Fact]
    public async Task Another_patient_can_neither_read_nor_post_nor_mark_read_in_a_conversation_by_its_id()
    {
        await Chat.PostAsync(Ayesha, Ayesha.UserId, "Private question about my results");
        var rahim = People.Rahim.Actor;

        (await Chat.HistoryAsync(rahim, Ayesha.UserId)).Error.Should().Be(ChatParticipants.NotYours);
        (await Chat.NewerAsync(rahim, Ayesha.UserId, 0)).Error.Should().Be(ChatParticipants.NotYours);
        (await Chat.PostAsync(rahim, Ayesha.UserId, "Hello?")).Error.Should().Be(ChatParticipants.NotYours);
        (await Chat.MarkReadAsync(rahim, Ayesha.UserId, long.MaxValue)).Error.Should().Be(ChatParticipants.NotYours);
        (await Chat.InboxAsync(rahim)).Should().BeEmpty();
        (await Chat.HistoryAsync(Sadia, Ayesha.UserId)).Value!.Messages.Should().ContainSingle();
    }

    [Fact]
    public async Task A_doctor_takes_part_only_in_the_conversations_of_patients_they_have_an_appointment_with()
    {
        await Chat.PostAsync(Ayesha, Ayesha.UserId, "Question for Dr. Tanvir");
        var tanvir = People.Tanvir.Actor;
        (await Chat.HistoryAsync(tanvir, Ayesha.UserId)).Error.Should().Be(ChatParticipants.NotYours);
        (await Chat.UnreadCountAsync(tanvir)).Should().Be(0);

        await People.RequestAsync(Harness, ClinicPeople.WednesdayNine);

        (await Chat.HistoryAsync(tanvir, Ayesha.UserId)).Succeeded.Should().BeTrue();
        (await Chat.UnreadCountAsync(tanvir)).Should().Be(1);
        (await Chat.InboxAsync(tanvir)).Should().ContainSingle().Which.PatientName.Should().Be("Ayesha Siddiqua");
    }

    [Fact]
    public async Task Unread_counts_follow_what_each_reader_has_seen_and_the_patient_gets_one_bell_notice_per_burst()
    {
        await Chat.PostAsync(Ayesha, Ayesha.UserId, "Hello");
        await Chat.PostAsync(Ayesha, Ayesha.UserId, "Are you open on Friday?");
        (await Chat.UnreadCountAsync(Sadia)).Should().Be(2);
        (await Chat.UnreadCountAsync(Ayesha)).Should().Be(0, "her own messages are not unread to her");

        var reply = (await Chat.PostAsync(Sadia, Ayesha.UserId, "We are closed on Fridays.")).Value!;
        await Chat.PostAsync(Sadia, Ayesha.UserId, "Saturday from 9 works.");

        (await Chat.UnreadCountAsync(Sadia)).Should().Be(0, "replying reads the conversation");
        (await Chat.UnreadCountAsync(People.Karim.Actor)).Should().Be(2, "each staff member reads for themselves");
        (await Chat.UnreadCountAsync(Ayesha)).Should().Be(2);
        var bell = await Harness.Get<NotificationCenter>().PageAsync(Ayesha, 0, 10);
        bell.Items.Should().ContainSingle().Which.Should().Match<NotificationView>(n => n.Title == "New message from the clinic" && n.Link == "/messages");

        await Chat.MarkReadAsync(Ayesha, Ayesha.UserId, reply.Id);
        (await Chat.UnreadCountAsync(Ayesha)).Should().Be(1);
        await Chat.MarkReadAsync(Ayesha, Ayesha.UserId, 1);
        (await Chat.UnreadCountAsync(Ayesha)).Should().Be(1, "reading an older message does not unread newer ones");

        var inbox = (await Chat.InboxAsync(People.Karim.Actor)).Single();
        inbox.LastText.Should().Be("Saturday from 9 works.");
        inbox.Unread.Should().Be(2);
    }

    [Fact]
    public async Task History_pages_backwards_from_the_newest()
    {
        for (var i = 1; i <= 9; i++)
            (await Chat.PostAsync(i % 2 == 0 ? Sadia : Ayesha, Ayesha.UserId, $"message {i}")).Succeeded.Should().BeTrue();

        var newest = (await Chat.HistoryAsync(Ayesha, Ayesha.UserId)).Value!;
        newest.Messages.Select(m => m.Text).Should().Equal("message 6", "message 7", "message 8", "message 9");
        newest.HasOlder.Should().BeTrue();
        var middle = (await Chat.HistoryAsync(Ayesha, Ayesha.UserId, newest.Messages[0].Id)).Value!;
        middle.Messages.Select(m => m.Text).Should().Equal("message 2", "message 3", "message 4", "message 5");
        var oldest = (await Chat.HistoryAsync(Ayesha, Ayesha.UserId, middle.Messages[0].Id)).Value!;
        oldest.Messages.Select(m => m.Text).Should().Equal("message 1");
        oldest.HasOlder.Should().BeFalse();
        (await Chat.NewerAsync(Ayesha, Ayesha.UserId, middle.Messages[^1].Id)).Value!.Select(m => m.Text).Should().Equal("message 6", "message 7", "message 8", "message 9");
    }

    [Fact]
    public async Task Empty_and_overlong_messages_are_refused_and_markup_is_kept_as_plain_text()
    {
        (await Chat.PostAsync(Ayesha, Ayesha.UserId, "   \r\n ")).Error.Should().Be("Write a message first.");
        (await Chat.PostAsync(Ayesha, Ayesha.UserId, new string('a', ChatMessage.MaxLength + 1))).Error
            .Should().Be($"A message can be at most {ChatMessage.MaxLength} characters; this one has {ChatMessage.MaxLength + 1}.");
        var markup = (await Chat.PostAsync(Ayesha, Ayesha.UserId, "<b>bold</b>\r\n<script>alert(1)</script>")).Value!;

        markup.Text.Should().Be("<b>bold</b>\n<script>alert(1)</script>");
        (await Chat.HistoryAsync(Ayesha, Ayesha.UserId)).Value!.Messages.Should().ContainSingle();
    }

    [Fact]
    public async Task Posting_faster_than_the_limit_is_refused_with_a_clear_message_for_that_person_only()
    {
        for (var i = 0; i < 5; i++)
            (await Chat.PostAsync(Ayesha, Ayesha.UserId, $"quick {i}")).Succeeded.Should().BeTrue();

        (await Chat.PostAsync(Ayesha, Ayesha.UserId, "one too many")).Error.Should().Be(ChatRateLimiter.TooFast);
        (await Chat.PostAsync(Sadia, Ayesha.UserId, "Staff can still answer.")).Succeeded.Should().BeTrue();
        (await Chat.HistoryAsync(Ayesha, Ayesha.UserId)).Value!.Messages.Select(m => m.Text).Should().NotContain("one too many");
    }
}
