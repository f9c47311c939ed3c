using MentoringPortal.Domain.Notifications;
using MentoringPortal.Web.Email.Templates;

namespace MentoringPortal.Web.Email;

/// <summary>
/// Which <see cref="EmailKind"/> each email template is, so a person's notification settings apply to it
/// (the table is in docs/notifications.md). A template in <see cref="AlwaysAtOnce"/>, or in neither list, goes at
/// once whatever the settings say: an email about the account's security, or one that nobody has classified yet.
/// </summary>
public static class EmailKinds
{
    public static readonly IReadOnlyDictionary<Type, EmailKind> Chosen = new Dictionary<Type, EmailKind>
    {
        [typeof(NewRequest)] = EmailKind.Requests,
        [typeof(RequestSent)] = EmailKind.Requests,
        [typeof(RequestAccepted)] = EmailKind.Requests,
        [typeof(PairingStarted)] = EmailKind.Requests,
        [typeof(RequestDeclined)] = EmailKind.Requests,
        [typeof(RequestWithdrawn)] = EmailKind.Requests,
        [typeof(RequestExpired)] = EmailKind.Requests,
        [typeof(ApplicationReceived)] = EmailKind.Requests,
        [typeof(ApplicationMatched)] = EmailKind.Requests,
        [typeof(MatchedMenteeArrives)] = EmailKind.Requests,
        [typeof(ApplicationDeclined)] = EmailKind.Requests,
        [typeof(ApplicationProposed)] = EmailKind.Requests,
        [typeof(ProposalReceived)] = EmailKind.Requests,
        [typeof(ProposalReturned)] = EmailKind.Requests,
        [typeof(FindingAnotherMentor)] = EmailKind.Requests,
        [typeof(MentorSignUpWaiting)] = EmailKind.Requests,
        [typeof(ChangeRequestWaiting)] = EmailKind.Requests,
        [typeof(MessageWaiting)] = EmailKind.Messages,
        [typeof(AgreementToConfirm)] = EmailKind.Messages,
        [typeof(AgreementAgreed)] = EmailKind.Messages,
        [typeof(MeetingPlanned)] = EmailKind.Meetings,
        [typeof(MeetingChanged)] = EmailKind.Meetings,
        [typeof(MeetingCancelled)] = EmailKind.Meetings,
        [typeof(MeetingRecorded)] = EmailKind.Meetings,
        [typeof(MeetingDidNotHappen)] = EmailKind.Meetings,
        [typeof(MeetingOverdue)] = EmailKind.Meetings,
        [typeof(TrainingExpiring)] = EmailKind.Meetings,
        [typeof(Templates.Broadcast)] = EmailKind.SchemeNews,
        [typeof(EvaluationInvitation)] = EmailKind.SchemeNews,
        [typeof(EvaluationReminder)] = EmailKind.SchemeNews,
        [typeof(ExitSurveyInvitation)] = EmailKind.SchemeNews,
    };

    /// <summary>
    /// The account's security and the person's rights, and the scheme's decisions about their own pairing or role:
    /// someone who turned a kind off must still hear these, and hear them when they happen.
    /// </summary>
    public static readonly IReadOnlySet<Type> AlwaysAtOnce = new HashSet<Type>
    {
        typeof(ConfirmEmail),
        typeof(AccountAlreadyExists),
        typeof(ResetPassword),
        typeof(PasswordChanged),
        typeof(DataExportReady),
        typeof(DeletionRequested),
        typeof(DeletionCancelled),
        typeof(AccountErased),
        typeof(UnusedAccountWarning),
        typeof(MentorApproved),
        typeof(MentorDeclined),
        typeof(PairingEnded),
        typeof(PairingEndedByScheme),
        typeof(ReassignedMenteeNewMentor),
        typeof(ReassignedNewMentee),
        typeof(ReassignedPairingEnded),
        typeof(ChangeRequestReceived),
        typeof(ChangeRequestDeclined),
        typeof(DailyDigest),
        typeof(SingleSignOnLink),
        typeof(InvitationToJoin),
        typeof(AddedToProgramme),
    };

    /// <summary>The kind of the email a template writes, or null when it always goes at once.</summary>
    public static EmailKind? Of(Type template) => Chosen.TryGetValue(template, out var kind) ? kind : null;

    /// <summary>How the settings page and the digest name each kind.</summary>
    public static string Name(EmailKind kind) => kind switch
    {
        EmailKind.Requests => "Requests and matches",
        EmailKind.Messages => "Messages and agreements",
        EmailKind.Meetings => "Meeting reminders",
        EmailKind.SchemeNews => "Scheme news and surveys",
        _ => kind.ToString(),
    };
}
