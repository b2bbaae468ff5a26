namespace Clinic.Tests.Support;

/// <summary>Where the checkout is and how the tests were built, for tests that run the built app as a process.</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Clinic.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException("The repository root (with Clinic.sln) was not found above the test assembly.");
        }
    }

    /// <summary>Debug or Release: whatever the tests themselves were built as, so the app's build output exists.</summary>
    public static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    /// <summary>The web app's build output.</summary>
    public static string WebDll => Path.Combine(Root, "Clinic.Web", "bin", Configuration, "net10.0", "Clinic.Web.dll");
}
