using MentoringPortal.Web.Features.Account;
using MentoringPortal.Web.Features.AdminAdministrators;
using MentoringPortal.Web.Features.AdminApplications;
using MentoringPortal.Web.Features.AdminChangeRequests;
using MentoringPortal.Web.Features.AdminCohort;
using MentoringPortal.Web.Features.AdminEmails;
using MentoringPortal.Web.Features.AdminMentors;
using MentoringPortal.Web.Features.AdminPairings;
using MentoringPortal.Web.Features.AdminProgrammes;
using MentoringPortal.Web.Features.Directory;
using MentoringPortal.Web.Features.MentorSignUp;
using MentoringPortal.Web.Features.PairingChanges;
using MentoringPortal.Web.Features.Pairings;
using MentoringPortal.Web.Features.Requests;
using MentoringPortal.Web.Features.Security;

namespace MentoringPortal.Web.Hosting;

/// <summary>The workflows of more than one step, each one class (docs/architecture.md, "Use cases").</summary>
public static class UseCaseExtensions
{
    public static WebApplicationBuilder AddPortalUseCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConfirmCohort>();
        builder.Services.AddScoped<MatchApplicant>();
        builder.Services.AddScoped<ReassignPairing>();
        builder.Services.AddScoped<EndPairingByAdministrator>();
        builder.Services.AddScoped<EndPairing>();
        builder.Services.AddScoped<AskForPairingChange>();
        builder.Services.AddScoped<DeclineChangeRequest>();
        builder.Services.AddScoped<ApproveMentor>();
        builder.Services.AddScoped<DeclineMentorApplication>();
        builder.Services.AddScoped<RecordMentorTraining>();
        builder.Services.AddScoped<SetMentorCapacity>();
        builder.Services.AddScoped<AddAdministrator>();
        builder.Services.AddScoped<ChangeAdministratorScope>();
        builder.Services.AddScoped<RemoveAdministrator>();
        builder.Services.AddScoped<CreateProgramme>();
        builder.Services.AddScoped<RetryParkedEmail>();
        builder.Services.AddScoped<PlanMeeting>();
        builder.Services.AddScoped<ChangeMeeting>();
        builder.Services.AddScoped<CancelMeeting>();
        builder.Services.AddScoped<LogMeetingHeld>();
        builder.Services.AddScoped<RegisterMember>();
        builder.Services.AddScoped<AcceptRequest>();
        builder.Services.AddScoped<DeclineRequest>();
        builder.Services.AddScoped<ContactMentor>();
        builder.Services.AddScoped<OfferToMentor>();
        builder.Services.AddScoped<EditProgramme>();
        builder.Services.AddScoped<TurnOnAuthenticator>();
        builder.Services.AddScoped<TurnOffAuthenticator>();
        return builder;
    }
}
