using Clinic.Tests.Support;

namespace Clinic.Tests.Browser;

/// <summary>The browser on the demo clinic in full swing (today's visits at every stage, requests, messages), as a newcomer first sees it.</summary>
public sealed class LivingClinicBrowserFixture() : BrowserFixture(new LivingClinicApp())
{
    private sealed class LivingClinicApp : ClinicAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Clinic:DemoData:Activity"] = "true" };
    }
}
