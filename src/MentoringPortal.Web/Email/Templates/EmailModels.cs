using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Requests;

namespace MentoringPortal.Web.Email.Templates;

// The facts each email's template (the .razor file of the same name) puts into words.
// Links are portal paths ("/me"); the layout makes them absolute.

// Account
public sealed record ConfirmEmailModel(string ConfirmUrl) : IEmailModel<ConfirmEmail>;

public sealed record AccountAlreadyExistsModel : IEmailModel<AccountAlreadyExists>;

public sealed record ResetPasswordModel(string ResetUrl) : IEmailModel<ResetPassword>;

public sealed record PasswordChangedModel : IEmailModel<PasswordChanged>;

// Requests to a mentor
public sealed record NewRequestModel(string MenteeName, string ProgrammeName, DateOnly ExpiresOn) : IEmailModel<NewRequest>;

public sealed record RequestSentModel(string MentorName, string ProgrammeName, DateOnly ExpiresOn) : IEmailModel<RequestSent>;

public sealed record RequestAcceptedModel(string MentorName, string MentorEmail) : IEmailModel<RequestAccepted>;

public sealed record PairingStartedModel(string MenteeName, string MenteeEmail) : IEmailModel<PairingStarted>;

public sealed record RequestDeclinedModel(string MentorName, DeclineReason Reason, string? Note, IReadOnlyList<string> Alternatives)
    : IEmailModel<RequestDeclined>;

public sealed record RequestWithdrawnModel(string MenteeName) : IEmailModel<RequestWithdrawn>;

public sealed record RequestExpiredModel(string MentorName, IReadOnlyList<string> Alternatives) : IEmailModel<RequestExpired>;

// Applications
public sealed record ApplicationReceivedModel(string ProgrammeName) : IEmailModel<ApplicationReceived>;

public sealed record ApplicationMatchedModel(MatchedMentor Mentor, string ProgrammeName, int PairingId) : IEmailModel<ApplicationMatched>;

public sealed record MatchedMenteeArrivesModel(string MenteeName, string ProgrammeName, int PairingId) : IEmailModel<MatchedMenteeArrives>;

public sealed record ApplicationDeclinedModel(string ProgrammeName, string Message) : IEmailModel<ApplicationDeclined>;

// Data rights
public sealed record DataExportReadyModel(DateOnly ExpiresOn) : IEmailModel<DataExportReady>;

public sealed record DeletionRequestedModel(DateOnly DueOn) : IEmailModel<DeletionRequested>;

public sealed record DeletionCancelledModel : IEmailModel<DeletionCancelled>;

public sealed record AccountErasedModel : IEmailModel<AccountErased>;

public sealed record UnusedAccountWarningModel(int UnusedYears, DateOnly DueOn) : IEmailModel<UnusedAccountWarning>;

// Meetings
public sealed record MeetingPlannedModel(string OtherName, string When, string Where, bool IsInitial, string PairingPath)
    : IEmailModel<MeetingPlanned>;

public sealed record MeetingChangedModel(string OtherName, bool ChangedByRecipient, string When, string Where, string PairingPath)
    : IEmailModel<MeetingChanged>;

public sealed record MeetingCancelledModel(string OtherName, bool CancelledByRecipient, string When, string PairingPath)
    : IEmailModel<MeetingCancelled>;

public sealed record MeetingRecordedModel(string OtherName, string When, string How, string PairingPath) : IEmailModel<MeetingRecorded>;

public sealed record MeetingDidNotHappenModel(string OtherName, string When, string PairingPath) : IEmailModel<MeetingDidNotHappen>;
// Agreements
public sealed record AgreementToConfirmModel(string OtherName, bool FirstVersion, int PairingId) : IEmailModel<AgreementToConfirm>;

public sealed record AgreementAgreedModel(string OtherName, DateOnly AgreedOn, int PairingId) : IEmailModel<AgreementAgreed>;

// Mentors
public sealed record MentorSignUpWaitingModel(string MentorName) : IEmailModel<MentorSignUpWaiting>;

public sealed record MentorApprovedModel(bool Trained) : IEmailModel<MentorApproved>;

public sealed record MentorDeclinedModel(string Message) : IEmailModel<MentorDeclined>;

public sealed record TrainingExpiringModel(DateOnly ExpiresOn) : IEmailModel<TrainingExpiring>;

// Pairings
public sealed record PairingEndedModel(string OtherName, EndReason Reason, bool ToMentee) : IEmailModel<PairingEnded>;

public sealed record ChangeRequestWaitingModel(string ProgrammeName) : IEmailModel<ChangeRequestWaiting>;

public sealed record ChangeRequestReceivedModel : IEmailModel<ChangeRequestReceived>;

public sealed record MeetingOverdueModel(string OtherName, int CadenceWeeks, int PairingId) : IEmailModel<MeetingOverdue>;

/// <summary>Only who wrote and where to read it: the message itself stays in the portal.</summary>
public sealed record MessageWaitingModel(string FromName, int PairingId) : IEmailModel<MessageWaiting>;

// Reassignment and the scheme's decisions
public sealed record ReassignedMenteeNewMentorModel(string NewMentorName, int NewPairingId) : IEmailModel<ReassignedMenteeNewMentor>;

public sealed record ReassignedNewMenteeModel(string MenteeName, string ProgrammeName, int NewPairingId) : IEmailModel<ReassignedNewMentee>;

public sealed record ReassignedPairingEndedModel(string MenteeName) : IEmailModel<ReassignedPairingEnded>;

public sealed record PairingEndedBySchemeModel(string OtherName, string? Message, bool ToMentee) : IEmailModel<PairingEndedByScheme>;

public sealed record ChangeRequestDeclinedModel(string OtherName, string Message) : IEmailModel<ChangeRequestDeclined>;

// Surveys
public sealed record EvaluationInvitationModel(string OtherName, string ProgrammeName, bool IsMentee, int PairingId)
    : IEmailModel<EvaluationInvitation>;

public sealed record EvaluationReminderModel(string OtherName, string ProgrammeName, int PairingId) : IEmailModel<EvaluationReminder>;

public sealed record ExitSurveyInvitationModel(string OtherName, string ProgrammeName, bool IsMentee, int PairingId)
    : IEmailModel<ExitSurveyInvitation>;

// Mentor proposals (the scheme asks a mentor to take on an applicant)
public sealed record ProposalReceivedModel(string MenteeName, string ProgrammeName, DateOnly AnswerBy) : IEmailModel<ProposalReceived>;

public sealed record ApplicationProposedModel(string ProgrammeName, DateOnly AnswerBy) : IEmailModel<ApplicationProposed>;

public sealed record FindingAnotherMentorModel(string ProgrammeName) : IEmailModel<FindingAnotherMentor>;

public sealed record ProposalReturnedModel(string MenteeName, string MentorName, string ProgrammeName, bool Lapsed) : IEmailModel<ProposalReturned>;

// People in bulk
public sealed record InvitationToJoinModel(string ProgrammeName, bool AsMentor, string AcceptUrl, DateOnly ExpiresOn) : IEmailModel<InvitationToJoin>;

public sealed record AddedToProgrammeModel(string ProgrammeName, bool AsMentor) : IEmailModel<AddedToProgramme>;

// Notifications
public sealed record DailyDigestModel(DateOnly Day, IReadOnlyList<MentoringPortal.Domain.Notifications.DigestGroup> Groups) : IEmailModel<DailyDigest>;

/// <summary>An administrator's message to a programme: subject and body are their own words, as plain text.</summary>
public sealed record BroadcastModel(string ProgrammeName, string Subject, string Body) : IEmailModel<Broadcast>;
