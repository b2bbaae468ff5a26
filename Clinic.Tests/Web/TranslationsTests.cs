using System.Globalization;
using System.Text.RegularExpressions;
using Clinic.Tests.Support;
using Clinic.Web.Localization;

namespace Clinic.Tests.Web;

/// <summary>
/// The Bangla table is whole (every text a screen asks for has its Bangla, with the same places), and
/// the domain's own sentences are said in Bangla with their figures, never half-translated.
/// </summary>
public sealed partial class TranslationsTests
{
    private static readonly CultureInfo Bangla = CultureInfo.GetCultureInfo("bn");

    [Fact]
    public void Every_text_the_screens_ask_for_has_its_Bangla()
    {
        var asked = TextsAskedFor();

        asked.Should().HaveCountGreaterThan(250, "the scan should find the screens' texts");
        asked.Where(text => Translations.Translated(text, Bangla) is null).Should().BeEmpty("a missing text shows in English on a Bangla page");
    }

    [Fact]
    public void The_words_MudBlazor_s_components_say_come_from_the_table_in_Bangla_and_from_MudBlazor_in_English()
    {
        ClinicMudLocalizer.Texts.Where(text => Translations.Translated(text, Bangla) is null).Should().BeEmpty();
        var localizer = new ClinicMudLocalizer();

        using (LanguageScope.For("bn"))
            localizer["MudTablePager_NextPage"].Value.Should().Be("পরের পাতা");
        using (LanguageScope.For("en"))
            localizer["MudTablePager_NextPage"].ResourceNotFound.Should().BeTrue("MudBlazor says its own English");
        using (LanguageScope.For("bn"))
            localizer["MudColorPicker_HueSlider"].ResourceNotFound.Should().BeTrue("a key no page of ours meets is left to MudBlazor");
    }

    [Fact]
    public void Every_Bangla_text_keeps_the_places_of_its_English()
    {
        var keys = Translations.Keys(Bangla);

        keys.Should().NotBeEmpty();
        keys.Where(key => !Places(key).SetEquals(Places(Translations.Translated(key, Bangla)!)))
            .Should().BeEmpty("a place lost or added says the wrong figure, or throws when filled");
    }

    [Theory]
    [InlineData("3 of 15 seats left", "15টি আসনের মধ্যে 3টি খালি")]
    [InlineData("Fully booked (15 of 15 seats taken)", "সব আসন বুক হয়ে গেছে (15টির মধ্যে 15টি)")]
    [InlineData("Bookings close 2 hours before the start.", "শুরুর 2 ঘণ্টা আগে বুকিং বন্ধ হয়।")]
    [InlineData("Bookings close 1 hour before the start.", "শুরুর 1 ঘণ্টা আগে বুকিং বন্ধ হয়।")]
    [InlineData("Closed: Victory Day", "বন্ধ: Victory Day")]
    [InlineData("Needs 60 min: it would run past the doctor's hours (until 13:30).", "60 মিনিট লাগবে: এটি ডাক্তারের সময় (13:30 পর্যন্ত) ছাড়িয়ে যাবে।")]
    [InlineData("Already booked", "ইতিমধ্যে বুক হয়ে গেছে")]
    [InlineData("Too many sign-in attempts from here. Wait 42 seconds and try again.", "এখান থেকে অনেক বেশি সাইন ইনের চেষ্টা হয়েছে। 42 সেকেন্ড অপেক্ষা করে আবার চেষ্টা করুন।")]
    [InlineData("Passwords must be at least 8 characters.", "পাসওয়ার্ড অন্তত 8 অক্ষরের হতে হবে।")]
    [InlineData("Slot length must be between 5 and 240 minutes.", "স্লটের দৈর্ঘ্য 5 থেকে 240 মিনিটের মধ্যে হতে হবে।")]
    [InlineData("Clinic name is required.", "ক্লিনিকের নাম দিতে হবে।")]
    [InlineData("These hours overlap the existing Monday 09:00–13:00 hours.", "এই সময়টুকু আগে থেকে থাকা সোমবার 09:00–13:00-এর সময়ের সাথে মিলে যায়।")]
    [InlineData("The doctor is off on Wed 16 Dec 2026 (Victory Day).", "বুধ 16 ডিসে 2026 ডাক্তার ছুটিতে আছেন (Victory Day)।")]
    [InlineData("Every 2 weeks, 6 visits", "প্রতি 2 সপ্তাহে, 6টি ভিজিট")]
    [InlineData("Monthly on the 2nd Tuesday, 4 visits", "মাসিক, মাসের দ্বিতীয় মঙ্গলবার, 4টি ভিজিট")]
    [InlineData("Every week until 16 Dec 2026", "প্রতি সপ্তাহে, 16 ডিসে 2026 পর্যন্ত")]
    [InlineData("Monthly on the 2nd Tuesday until 9 Mar 2027", "মাসিক, মাসের দ্বিতীয় মঙ্গলবার, 9 মার্চ 2027 পর্যন্ত")]
    [InlineData("The clinic books at most 60 days ahead; choose dates until 21 Jan 2027.", "ক্লিনিক সর্বোচ্চ 60 দিন আগে পর্যন্ত বুক করে; 21 জানু 2027 পর্যন্ত তারিখ বেছে নিন।")]
    public void A_sentence_the_domain_wrote_is_said_in_Bangla_with_its_figures(string english, string bangla) =>
        In(Bangla, () => Translations.Sentence(english)).Should().Be(bangla);

    [Theory]
    [InlineData("Appointment confirmed", "অ্যাপয়েন্টমেন্ট নিশ্চিত হয়েছে")]
    [InlineData("Your appointment with Dr. Tanvir Ahmed on Tue 24 Nov 2026, 09:00 is confirmed.",
        "মঙ্গল 24 নভে 2026, 09:00-এ Dr. Tanvir Ahmed-এর সাথে আপনার অ্যাপয়েন্টমেন্ট নিশ্চিত হয়েছে।")]
    [InlineData("Your appointment with Dr. Tanvir Ahmed on Tue 24 Nov 2026, 09:00 was cancelled. Reason: The doctor is at a conference.",
        "মঙ্গল 24 নভে 2026, 09:00-এ Dr. Tanvir Ahmed-এর সাথে আপনার অ্যাপয়েন্টমেন্ট বাতিল হয়েছে। কারণ: The doctor is at a conference.")]
    [InlineData("Your appointment with Dr. Nusrat Jahan moved from Tue 8 Dec 2026, 10:00 to Sat 12 Dec 2026, 11:30.",
        "Dr. Nusrat Jahan-এর সাথে আপনার অ্যাপয়েন্টমেন্ট মঙ্গল 8 ডিসে 2026, 10:00 থেকে শনি 12 ডিসে 2026, 11:30-এ সরানো হয়েছে।")]
    [InlineData("Your appointment with Dr. Tanvir Ahmed on Tue 24 Nov 2026, 09:00 is confirmed. This is a video visit: join it at https://meet.example/gomoti-4f2a a few minutes before the start.",
        "মঙ্গল 24 নভে 2026, 09:00-এ Dr. Tanvir Ahmed-এর সাথে আপনার অ্যাপয়েন্টমেন্ট নিশ্চিত হয়েছে। এটি একটি ভিডিও ভিজিট: শুরুর কয়েক মিনিট আগে https://meet.example/gomoti-4f2a-এ যোগ দিন।")]
    [InlineData("You have an appointment with Dr. Tanvir Ahmed on Tue 24 Nov 2026, 09:00 at Gomoti Hospital, House 12, Rd. 5, Dhanmondi. If you cannot come, please cancel so someone else can have the time.",
        "মঙ্গল 24 নভে 2026, 09:00-এ Gomoti Hospital, House 12, Rd. 5, Dhanmondi-এ Dr. Tanvir Ahmed-এর সাথে আপনার অ্যাপয়েন্টমেন্ট আছে। আসতে না পারলে অনুগ্রহ করে বাতিল করুন, যাতে অন্য কেউ সময়টি পান।")]
    [InlineData("The clinic booked you with Dr. Tanvir Ahmed on Tue 1 Dec 2026, 09:00. It is the first of a series of 3 visits; the others: Tue 8 Dec 2026, 09:00; Tue 15 Dec 2026, 09:00.",
        "ক্লিনিক মঙ্গল 1 ডিসে 2026, 09:00-এ Dr. Tanvir Ahmed-এর কাছে আপনার অ্যাপয়েন্টমেন্ট বুক করেছে। এটি 3টি ভিজিটের ধারাবাহিকের প্রথমটি; বাকিগুলো: মঙ্গল 8 ডিসে 2026, 09:00; মঙ্গল 15 ডিসে 2026, 09:00।")]
    public void A_patient_s_stored_notice_is_said_in_Bangla_with_its_times_in_Bangla(string stored, string bangla) =>
        In(Bangla, () => Translations.Sentence(stored)).Should().Be(bangla);

    [Fact]
    public void Every_reason_the_delivery_log_gives_for_a_message_not_sent_is_in_Bangla()
    {
        string[] reasons =
        [
            .. Enum.GetValues<Clinic.Domain.Appointments.AppointmentStatus>().Where(status => status != Clinic.Domain.Appointments.AppointmentStatus.Confirmed)
                .Select(Clinic.Data.Messaging.ReminderWithdrawn.Because),
            Clinic.Data.Messaging.ReminderWithdrawn.Moved, Clinic.Data.Messaging.ReminderWithdrawn.Gone,
            "The recipient has no email address.", "The recipient has no mobile number a text message can reach.",
            "Reminder", "Reminder: Dr. Tanvir Ahmed, Wed 25 Nov 2026, 09:00, Gomoti Hospital Dhanmondi. Cannot come? Call +880 2 5815 0000.",
        ];

        reasons.Where(reason => In(Bangla, () => Translations.Sentence(reason)) == reason).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Your appointment with Dr. Tanvir Ahmed on tomorrow morning is confirmed.")] // no clinic time where one belongs
    [InlineData("3 of many seats left")] // words where the table expects a figure
    [InlineData("Fully booked (15 of 12 seats taken)")] // one place twice, two figures
    [InlineData("A sentence the table has never seen.")]
    [InlineData("Quantum flux is required.")] // a place holding words the table does not know
    [InlineData("The doctor is off on Someday 16 Dec 2026 (Victory Day).")] // no day where one belongs
    [InlineData("Every week until next summer")] // no date where one belongs
    [InlineData("Your appointment with Dr. Tanvir Ahmed on Tue 24 Nov 2026, 09:00 is confirmed. Bring your old reports.")] // one sentence the table does not know
    [InlineData("It is the first of a series of 3 visits; the others: Tue 8 Dec 2026, 09:00; next week.")] // a list with something not a time in it
    public void A_sentence_no_text_of_the_table_fits_stays_as_written(string english) =>
        In(Bangla, () => Translations.Sentence(english)).Should().Be(english);

    [Fact]
    public void In_English_a_text_is_itself_with_its_places_filled()
    {
        In(CultureInfo.GetCultureInfo("en"), () => Translations.Tr("Consultation {0}", "BDT 800")).Should().Be("Consultation BDT 800");
        In(CultureInfo.GetCultureInfo("en"), () => Translations.Sentence("3 of 15 seats left")).Should().Be("3 of 15 seats left");
    }

    [Fact]
    public void In_Bangla_dates_are_written_with_Bangla_names()
    {
        var text = In(Bangla, () => Translations.Tr("Moved to {0:dddd d MMMM, HH:mm}.", new DateTime(2026, 12, 8, 10, 0, 0)));

        text.Should().Be("মঙ্গলবার 8 ডিসেম্বর, 10:00-এ সরানো হয়েছে।");
    }

    private static T In<T>(CultureInfo culture, Func<T> say)
    {
        using var reading = LanguageScope.For(culture.TwoLetterISOLanguageName);
        return say();
    }

    private static HashSet<string> Places(string text) => [.. Place().Matches(text).Select(m => m.Value.Replace(":text}", "}").Replace(":when}", "}").Replace(":day}", "}").Replace(":date}", "}").Replace(":whens}", "}"))];

    /// <summary>
    /// The literal texts handed to Tr in the web project's source (both sides of a choice inside it,
    /// and the arms of a switch it wraps): what a Bangla page can ask the table for.
    /// </summary>
    private static HashSet<string> TextsAskedFor()
    {
        var texts = new HashSet<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "Clinic.Web"), "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".razor") || f.EndsWith(".cs")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var source = File.ReadAllText(file);
            foreach (Match call in TrCall().Matches(source))
            {
                var argument = FirstArgument(source, call.Index + call.Length);
                foreach (Match literal in Literal().Matches(argument))
                    texts.Add(literal.Groups[1].Value.Replace("\\\"", "\""));
            }
        }
        return texts;
    }

    /// <summary>The source from <paramref name="at"/> to the first comma or closing bracket at its own depth.</summary>
    private static string FirstArgument(string source, int at)
    {
        var depth = 0;
        for (var i = at; i < source.Length; i++)
        {
            switch (source[i])
            {
                case '"':
                    for (i++; source[i] != '"'; i++)
                        if (source[i] == '\\')
                            i++;
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}' when depth == 0:
                case ',' when depth == 0:
                    return source[at..i];
                case ')' or ']' or '}':
                    depth--;
                    break;
            }
        }
        return source[at..];
    }

    [GeneratedRegex(@"\bTr\(")]
    private static partial Regex TrCall();

    // A plain (not interpolated) string literal.
    [GeneratedRegex(@"(?<![$@])""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Place();
}
