using Clinic.Data;
using Clinic.Web;
using Clinic.Web.Configuration;

var (command, hostArgs, usage) = HostCommands.Parse(args);
if (usage is not null)
{
    Console.Error.WriteLine(usage);
    return 2;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = hostArgs,
    EnvironmentName = LaunchEnvironment.Resolve(args, Environment.GetEnvironmentVariable),
});
builder.Configuration.AddRootDevelopmentSettings(builder.Environment);
// Run from the build output (not a publish) in any environment, scripts and styles come from the
// manifest the build writes; a publish has no such manifest and serves its own wwwroot.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddClinicData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddClinicWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
if (command is not null)
    return await command.RunAsync(app.Services, Console.Out);
await app.PrepareDatabaseAsync();
app.UseClinicPipeline();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
