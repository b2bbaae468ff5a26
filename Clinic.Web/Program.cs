using Clinic.Data;
using Clinic.Web;
using Clinic.Web.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRootDevelopmentSettings(builder.Environment);

builder.Services.AddClinicData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddClinicWeb(builder.Configuration);

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseClinicPipeline();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
