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
        builder.Services.AddScoped<RequestResponder>();
        builder.Services.AddScoped<Features.Matching.MatchSuggestions>();
        builder.Services.AddHostedService<Housekeeping>();
        builder.Services.AddScoped<Data.DemoSeed>();
        return builder;
    }
}
