using MentoringPortal.Web.Features.Availability;
using MentoringPortal.Web.Features.Reminders;
using MentoringPortal.Web.Features.Requests;
using MentoringPortal.Web.Features.Shared;

namespace MentoringPortal.Web.Hosting;

public static class JobsExtensions
{
    public static WebApplicationBuilder AddPortalJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<RequestExpiry>();
        builder.Services.AddScoped<PauseEnding>();
        builder.Services.AddScoped<CadenceReminders>();
        builder.Services.AddScoped<Features.Training.TrainingReminders>();
        builder.Services.AddScoped<Features.Surveys.SurveyInvitations>();
        builder.Services.AddScoped<Features.Matching.MatchSuggestions>();
        builder.Services.AddHostedService<Housekeeping>();
        builder.Services.AddSingleton<Features.AdminCohort.CohortRunChannel>();
        builder.Services.AddSingleton<Features.AdminCohort.CohortRunner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Features.AdminCohort.CohortRunner>());
        builder.Services.AddScoped<Features.DataRights.PersonalDataExport>();
        builder.Services.AddScoped<Features.DataRights.AccountEraser>();
        builder.Services.AddScoped<Features.DataRights.DataRightsHousekeeping>();
        builder.Services.AddSingleton<Features.DataRights.DataExportChannel>();
        builder.Services.AddSingleton<Features.DataRights.DataExportRunner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Features.DataRights.DataExportRunner>());
        builder.Services.AddScoped<Data.DemoSeed>();
        return builder;
    }
}
