using Clinic.Data;
using Clinic.Web;
using Clinic.Web.Configuration;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    EnvironmentName = LaunchEnvironment.Resolve(args, Environment.GetEnvironmentVariable),
});
builder.Configuration.AddRootDevelopmentSettings(builder.Environment);
// Run from the build output (not a publish) in any environment, scripts and styles come from the
// manifest the build writes; a publish has no such manifest and serves its own wwwroot.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddClinicData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddClinicWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseClinicPipeline();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
