using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Clinic.Tests.Browser;

/// <summary>What a person does in the browser, and a screenshot when a test fails.</summary>
public static class BrowserSteps
{
    public static string FailureFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Clinic.sln")))
                    return Path.Combine(dir.FullName, "TestResults", "browser-failures");
            return Path.Combine(Path.GetTempPath(), "clinic-browser-failures");
        }
    }

    /// <summary>Runs the steps; if they fail, saves a full-page screenshot of every page before rethrowing.</summary>
    public static async Task RunAsync(IReadOnlyList<IPage> pages, Func<Task> steps, [CallerMemberName] string test = "")
    {
        try
        {
            await steps();
        }
        catch
        {
            Directory.CreateDirectory(FailureFolder);
            for (var i = 0; i < pages.Count; i++)
            {
                try
                {
                    await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(FailureFolder, $"{test}-{i}.png"), FullPage = true });
                }
                catch (PlaywrightException)
                {
                    // The page itself may be what broke; the original failure matters more.
                }
            }
            throw;
        }
    }

    /// <summary>The demo clinic's zone.</summary>
    public static TimeZoneInfo Dhaka { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Dhaka");

    /// <summary>The first day, at least <paramref name="fromDays"/> ahead, on which Dr. Tanvir Ahmed works (Sunday–Thursday, 09:00–13:00).</summary>
    public static DateOnly TanvirWorkingDay(int fromDays)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Dhaka));
        return Enumerable.Range(fromDays, 7).Select(today.AddDays).First(d => d.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday));
    }

    /// <summary>
    /// Like <see cref="TanvirWorkingDay"/>, but the day and the same weekday of the
    /// <paramref name="weeks"/> - 1 weeks after it avoid the demo clinic's Victory Day closure (16 December).
    /// </summary>
    public static DateOnly TanvirOpenDay(int fromDays, int weeks = 1)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Dhaka));
        var day = TanvirWorkingDay(fromDays);
        while (Enumerable.Range(0, weeks).Any(w => day.AddDays(7 * w) is { Month: 12, Day: 16 }))
            day = TanvirWorkingDay(day.DayNumber - today.DayNumber + 1);
        return day;
    }

    /// <summary>Waits until the circuit is connected: a click before that does nothing.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 }); // a circuit starting on a loaded 2-core machine can take more than 15 s

    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        // Only the address: the circuit below is what counts, and a whole page load (every image and
        // script) waited for on top of it timed out once on a loaded machine with the page in view.
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login"), new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForInteractiveAsync();
    }
}
