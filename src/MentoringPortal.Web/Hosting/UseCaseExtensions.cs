using MentoringPortal.Web.Features.AdminApplications;
using MentoringPortal.Web.Features.AdminCohort;

namespace MentoringPortal.Web.Hosting;

/// <summary>The workflows of more than one step, each one class (docs/architecture.md, "Use cases").</summary>
public static class UseCaseExtensions
{
    public static WebApplicationBuilder AddPortalUseCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConfirmCohort>();
        builder.Services.AddScoped<MatchApplicant>();
        return builder;
    }
}
