using Clinic.Tests.Support;
using Microsoft.Extensions.Options;

namespace Clinic.Tests.Web;

/// <summary>
/// A broken value in any settings section stops the app at start with a message that names the
/// setting, before anything touches the database; and no section is left out.
/// </summary>
public sealed class OptionsValidationTests
{
    /// <summary>One broken value per section: the options class, the setting, the value, and words the message must hold.</summary>
    private static readonly (Type Options, string Key, string Value, string Names)[] Broken =
    [
        (typeof(Clinic.Data.Persistence.StorageOptions), "Clinic:Storage:BusyTimeoutSeconds", "0", "Clinic:Storage:BusyTimeoutSeconds"),
        (typeof(Clinic.Data.Seeding.ClinicSetupOptions), "Clinic:Setup:TimeZone", "Mars/Olympus_Mons", "Clinic:Setup:TimeZone"),
        (typeof(Clinic.Data.Seeding.DemoDataOptions), "Clinic:DemoData:Password", "short", "Clinic:DemoData:Password"),
        (typeof(Clinic.Data.Chat.ChatOptions), "Clinic:Chat:PageSize", "0", "Clinic:Chat:PageSize"),
        (typeof(Clinic.Data.Waitlist.WaitlistOptions), "Clinic:Waitlist:PollInterval", "00:00:00", "Clinic:Waitlist:PollInterval"),
        (typeof(Clinic.Data.Messaging.OutboxOptions), "Clinic:Outbox:Lease", "00:00:01", "Clinic:Outbox:Lease"),
        (typeof(Clinic.Web.Security.SecurityOptions), "Clinic:Security:ForwardedHeaders:KnownProxies:0", "proxy.internal", "Clinic:Security:ForwardedHeaders:KnownProxies"),
        (typeof(Clinic.Web.Auth.SessionCheckOptions), "Clinic:Security:Sessions:RecheckEvery", "02:00:00", "Clinic:Security:Sessions:RecheckEvery"),
        (typeof(Clinic.Web.Api.ApiRateLimitOptions), "Clinic:Api:RateLimit:TokenLimit", "0", "Clinic:Api:RateLimit:TokenLimit"),
        (typeof(Clinic.Web.Components.Layout.ShellOptions), "Clinic:Environment:Banner", new string('x', 41), "Clinic:Environment:Banner"),
        (typeof(Clinic.Web.Email.EmailOptions), "Clinic:Email:Smtp:Security", "Sometimes", "Clinic:Email:Smtp:Security"),
        (typeof(Clinic.Web.Live.LiveOptions), "Clinic:Live:Channel", "", "Clinic:Live:Channel"),
        (typeof(Clinic.Data.Backups.BackupOptions), "Clinic:Backup:Keep", "0", "Clinic:Backup:Keep"),
        (typeof(Clinic.Data.Booking.OnlineVisitOptions), "Clinic:OnlineVisits:UrlTemplate", "https://meet.example/fixed-room", "Clinic:OnlineVisits:UrlTemplate"),
        (typeof(Clinic.Web.TextMessages.TextMessageOptions), "Clinic:TextMessages:Url", "sms.example/send?to={to}&text={text}", "Clinic:TextMessages:Url"),
    ];

    public static TheoryData<string, string, string> Cases
    {
        get
        {
            var cases = new TheoryData<string, string, string>();
            foreach (var (_, key, value, names) in Broken)
                cases.Add(key, value, names);
            return cases;
        }
    }

    private sealed class BrokenApp(string key, string value) : ClinicAppFactory
    {
        protected override string Provider => Clinic.Data.Persistence.StorageProviders.Sqlite;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [key] = value };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_broken_value_stops_the_start_with_a_message_naming_the_setting(string key, string value, string names)
    {
        await using var app = new BrokenApp(key, value);

        var start = () => app.CreateClient();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(names);
        File.Exists(app.DatabasePath).Should().BeFalse("the start stops before the database is created");
    }

    [Fact]
    public void Every_settings_section_has_a_case_above()
    {
        var sections = new[] { typeof(Clinic.Data.Persistence.StorageOptions).Assembly, typeof(Clinic.Web.Live.LiveOptions).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.GetField("Section") is { IsLiteral: true } && type.Name.EndsWith("Options", StringComparison.Ordinal));

        Broken.Select(b => b.Options).Should().BeEquivalentTo(sections);
    }
}
