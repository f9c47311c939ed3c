namespace MentoringPortal.Web.Data;

/// <summary>The names of the changes the audit log records, so the log can be filtered by them.</summary>
public static class AuditActions
{
    public const string ProgrammeCreated = "Programme created";
    public const string ProgrammeEdited = "Programme edited";
    public const string MessageSentToProgramme = "Message sent to programme";
    public const string WeightsChanged = "Matching weights changed";
    public const string MinimumMatchScoreChanged = "Minimum match score changed";
    public const string CohortConfirmed = "Cohort matching confirmed";
    public const string AdministratorAdded = "Administrator added";
    public const string AdministratorChanged = "Administrator's programmes changed";
    public const string AdministratorRemoved = "Administrator removed";
    public const string MentorApproved = "Mentor approved";
    public const string MentorDeclined = "Mentor sign-up declined";
    public const string TrainingRecorded = "Training recorded";
    public const string MentoringRecordIssued = "Mentoring record issued";
    public const string CapacityChanged = "Capacity changed";
    public const string ApplicationMatched = "Application matched";
    public const string ApplicationDeclined = "Application declined";
    public const string MentorProposed = "Mentor proposal made";
    public const string ProposalAccepted = "Mentor proposal accepted";
    public const string ProposalDeclined = "Mentor proposal declined";
    public const string ProposalLapsed = "Mentor proposal lapsed";
    public const string PairingReassigned = "Pairing reassigned";
    public const string PairingEnded = "Pairing ended";
    public const string ChangeRequestDeclined = "Change request declined";
    public const string ResourcePageCreated = "Resource page created";
    public const string ResourcePageEdited = "Resource page edited";
    public const string SignInFailed = "Sign-in failed";
    public const string AccountLockedOut = "Account locked";
    public const string PasswordChanged = "Password changed";
    public const string PasswordReset = "Password reset";
    public const string SessionsEnded = "Sessions ended";
    public const string ParkedEmailRetried = "Parked email retried";
    public const string AccountErased = "Account erased";
    public const string TwoFactorEnabled = "Two-factor sign-in turned on";
    public const string TwoFactorDisabled = "Two-factor sign-in turned off";
    public const string RecoveryCodesRegenerated = "Recovery codes replaced";
    public const string RecoveryCodeUsed = "Recovery code used to sign in";
    public const string PasskeyAdded = "Passkey added";
    public const string PasskeyRenamed = "Passkey renamed";
    public const string PasskeyRemoved = "Passkey removed";
    public const string SecondFactorFailed = "Wrong second-factor code";
    public const string OrganisationSignInLinked = "Organisation sign-in linked";
    public const string OrganisationSignInRemoved = "Organisation sign-in removed";
    public const string SingleSignOnRequirementChanged = "Administrators' single sign-on requirement changed";
    public const string PeopleImportConfirmed = "People import confirmed";
    public const string PeopleImportDiscarded = "People import preview discarded";
    public const string AccountCreatedByImport = "Account created by import";

    public static IReadOnlyList<string> All { get; } =
    [
        ProgrammeCreated, ProgrammeEdited, WeightsChanged, AdministratorAdded, AdministratorChanged, AdministratorRemoved,
        MentorApproved, MentorDeclined, TrainingRecorded, CapacityChanged, ApplicationMatched, ApplicationDeclined,
        MentorProposed, ProposalAccepted, ProposalDeclined, ProposalLapsed,
        PairingReassigned, PairingEnded, ChangeRequestDeclined, ResourcePageCreated, ResourcePageEdited, MinimumMatchScoreChanged,
        CohortConfirmed, SignInFailed, AccountLockedOut, PasswordChanged, PasswordReset, SessionsEnded, ParkedEmailRetried, AccountErased,
        TwoFactorEnabled, TwoFactorDisabled, RecoveryCodesRegenerated, RecoveryCodeUsed, PasskeyAdded, PasskeyRenamed,
        PasskeyRemoved, SecondFactorFailed,
        OrganisationSignInLinked, OrganisationSignInRemoved, SingleSignOnRequirementChanged,
        PeopleImportConfirmed, PeopleImportDiscarded, AccountCreatedByImport, MessageSentToProgramme,
    ];
}
