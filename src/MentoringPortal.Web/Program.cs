using MentoringPortal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddPortalLogging();
builder.AddPortalData();
builder.AddPortalIdentity();
builder.AddPortalEmail();
builder.AddPortalWeb();
builder.AddPortalJobs();

var app = builder.Build();

await app.PreparePortalDatabaseAsync();
app.UsePortalPipeline();

await app.RunAsync();

/// <summary>Entry point; public so the test projects can host the app.</summary>
public partial class Program;
