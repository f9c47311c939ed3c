using MentoringPortal.Web.Email.Templates;

namespace MentoringPortal.Web.Email;

/// <summary>
/// Survey emails: the evaluation invitation at the programme's evaluation point, one reminder, and
/// the exit survey when a pairing ends. They are short and kind, say how long the survey takes and
/// that answers are reported without names, and never show one member's answers to the other.
/// </summary>
public sealed partial class PortalEmails
{
    public const string EvaluationInvitationSubject = "How is your mentoring going? A five-minute survey";
    public const string EvaluationReminderSubject = "A reminder: your mentoring survey";
    public const string ExitSurveyInvitationSubject = "Your mentoring has ended: two short questions";

    public void EvaluationInvitation(Recipient to, string otherName, string programmeName, bool isMentee, int pairingId) =>
        Add(to, new EvaluationInvitationModel(otherName, programmeName, isMentee, pairingId));

    public void EvaluationReminder(Recipient to, string otherName, string programmeName, int pairingId) =>
        Add(to, new EvaluationReminderModel(otherName, programmeName, pairingId));

    public void ExitSurveyInvitation(Recipient to, string otherName, string programmeName, bool isMentee, int pairingId) =>
        Add(to, new ExitSurveyInvitationModel(otherName, programmeName, isMentee, pairingId));

    public static string EvaluationPath(int pairingId) => $"/pairings/{pairingId}/evaluation";

    public static string ExitSurveyPath(int pairingId) => $"/pairings/{pairingId}/exit-survey";
}
