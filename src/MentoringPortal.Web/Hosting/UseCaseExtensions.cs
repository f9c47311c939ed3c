using MentoringPortal.Web.Features.Account;
using MentoringPortal.Web.Features.Admin.Administrators;
using MentoringPortal.Web.Features.Admin.Applications;
using MentoringPortal.Web.Features.Admin.ChangeRequests;
using MentoringPortal.Web.Features.Admin.Cohort;
using MentoringPortal.Web.Features.Admin.Emails;
using MentoringPortal.Web.Features.Admin.Erasure;
using MentoringPortal.Web.Features.Admin.Mentors;
using MentoringPortal.Web.Features.Admin.Pairings;
using MentoringPortal.Web.Features.Admin.Programmes;
using MentoringPortal.Web.Features.Admin.SignIn;
using MentoringPortal.Web.Features.Agreements;
using MentoringPortal.Web.Features.Directory;
using MentoringPortal.Web.Features.MeetingRatings;
using MentoringPortal.Web.Features.MentoringRecords;
using MentoringPortal.Web.Features.MentorSignUp;
using MentoringPortal.Web.Features.PairingChanges;
using MentoringPortal.Web.Features.Pairings;
using MentoringPortal.Web.Features.Requests;
using MentoringPortal.Web.Features.Security;
using MentoringPortal.Web.Features.Sessions;
using MentoringPortal.Web.Features.TwoFactor;

namespace MentoringPortal.Web.Hosting;

/// <summary>The workflows of more than one step, each one class (docs/architecture.md, "Use cases").</summary>
public static class UseCaseExtensions
{
    public static WebApplicationBuilder AddPortalUseCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConfirmCohort>();
        builder.Services.AddScoped<Features.Admin.Broadcasts.SendBroadcast>();
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
        builder.Services.AddScoped<RequireSingleSignOnForAdministrators>();
        builder.Services.AddScoped<ChangeAdministratorScope>();
        builder.Services.AddScoped<RemoveAdministrator>();
        builder.Services.AddScoped<CreateProgramme>();
        builder.Services.AddScoped<RetryParkedEmail>();
        builder.Services.AddScoped<PlanMeeting>();
        builder.Services.AddScoped<ChangeMeeting>();
        builder.Services.AddScoped<CancelMeeting>();
        builder.Services.AddScoped<LogMeetingHeld>();
        builder.Services.AddScoped<LogPastMeeting>();
        builder.Services.AddScoped<RecordMeetingNotHeld>();
        builder.Services.AddScoped<RegisterMember>();
        builder.Services.AddScoped<AcceptRequest>();
        builder.Services.AddScoped<DeclineRequest>();
        builder.Services.AddScoped<AcceptProposal>();
        builder.Services.AddScoped<DeclineProposal>();
        builder.Services.AddScoped<ContactMentor>();
        builder.Services.AddScoped<OfferToMentor>();
        builder.Services.AddScoped<EditProgramme>();
        builder.Services.AddScoped<TurnOnAuthenticator>();
        builder.Services.AddScoped<TurnOffAuthenticator>();
        builder.Services.AddScoped<MakeNewRecoveryCodes>();
        builder.Services.AddScoped<AddPasskey>();
        builder.Services.AddScoped<RenamePasskey>();
        builder.Services.AddScoped<RemovePasskey>();
        builder.Services.AddScoped<EndSession>();
        builder.Services.AddScoped<EndOtherSessions>();
        builder.Services.AddScoped<ResetForgottenPassword>();
        builder.Services.AddScoped<ChangeOwnPassword>();
        builder.Services.AddScoped<EraseAccount>();
        builder.Services.AddScoped<RecordRecoveryCodeFailure>();
        builder.Services.AddScoped<Features.Messages.SendMessage>();
        builder.Services.AddScoped<SaveAgreement>();
        builder.Services.AddScoped<ConfirmAgreement>();
        builder.Services.AddScoped<RateMeeting>();
        builder.Services.AddScoped<IssueMentoringRecord>();
        builder.Services.AddScoped<Features.Admin.Import.PreviewImport>();
        builder.Services.AddScoped<Features.Admin.Import.ConfirmImport>();
        builder.Services.AddScoped<Features.Admin.Import.DiscardImport>();
        builder.Services.AddScoped<Features.Admin.Import.ImportPeople>();
        builder.Services.AddScoped<Features.Invitations.AcceptInvitation>();
        builder.Services.AddScoped<Features.Invitations.RenewInvitation>();
        return builder;
    }
}
