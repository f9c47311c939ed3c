using MentoringPortal.Web.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddPortalLogging();
    builder.AddPortalTelemetry();
    builder.AddPortalData();
    builder.AddPortalIdentity();
    builder.AddPortalSingleSignOn();
    builder.AddPortalEmail();
    builder.AddPortalWeb();
    builder.AddPortalJobs();

    var app = builder.Build();

    await app.PreparePortalDatabaseAsync();
    app.UsePortalPipeline();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } problem)
{
    // A setting is wrong: the operator needs one line that says which and what to do, not a stack trace.
    await Console.Error.WriteLineAsync(problem);
    return 1;
}

/// <summary>Entry point; public so the test projects can host the app.</summary>
public partial class Program;
