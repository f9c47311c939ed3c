using MentoringPortal.Web.Jobs;

namespace MentoringPortal.Web.Hosting;

public static class JobsExtensions
{
    public static WebApplicationBuilder AddPortalJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RequestExpiry>();
        builder.Services.AddScoped<ProposalExpiry>();
        builder.Services.AddScoped<PauseEnding>();
        builder.Services.AddScoped<DirectoryStateRefresh>();
        builder.Services.AddScoped<CadenceReminders>();
        builder.Services.AddScoped<Jobs.TrainingReminders>();
        builder.Services.AddScoped<Jobs.SurveyInvitations>();
        builder.Services.AddScoped<DailyDigests>();
        builder.Services.AddScoped<Features.Admin.MatchSuggestions>();
        builder.Services.AddHostedService<Housekeeping>();
        builder.Services.AddSingleton<Jobs.CohortRunChannel>();
        builder.Services.AddSingleton<Jobs.CohortRunner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Jobs.CohortRunner>());
        builder.Services.AddScoped<Features.DataRights.PersonalDataExport>();
        builder.Services.AddScoped<Features.DataRights.AccountEraser>();
        builder.Services.AddScoped<Jobs.DataRightsHousekeeping>();
        builder.Services.AddSingleton<Jobs.DataExportChannel>();
        builder.Services.AddSingleton<Jobs.DataExportRunner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Jobs.DataExportRunner>());
        builder.Services.AddSingleton<Jobs.PeopleImportSignal>();
        builder.Services.AddSingleton<Jobs.PeopleImportRunner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Jobs.PeopleImportRunner>());
        builder.Services.AddScoped<Data.DemoSeed>();
        return builder;
    }
}
