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

    private const string Anonymity =
        "Your answers are reported to the scheme without your name, and they are never shown to the other member of your pairing.";

    public void EvaluationInvitation(Recipient to, string otherName, string programmeName, bool isMentee, int pairingId) => Add(to, new EmailContent(
        EvaluationInvitationSubject,
        $"Dear {to.Name},",
        [
            isMentee
                ? $"You have been meeting {otherName} in {programmeName} for a while now, and we would love to hear how it is going for you."
                : $"Thank you for mentoring {otherName} in {programmeName}. We would love to hear how the pairing is going from your side.",
            isMentee
                ? "The survey takes about five minutes: a few 1 to 5 ratings, a look back at your goals, and two optional questions in your own words."
                : "The survey takes about five minutes: a few 1 to 5 ratings and two optional questions in your own words.",
            Anonymity,
            "You can save your answers and come back to finish later.",
        ],
        new EmailLink("Answer the survey", Link(EvaluationPath(pairingId)))));

    public void EvaluationReminder(Recipient to, string otherName, string programmeName, int pairingId) => Add(to, new EmailContent(
        EvaluationReminderSubject,
        $"Dear {to.Name},",
        [
            $"Two weeks ago we asked how your mentoring with {otherName} in {programmeName} is going. If you have a spare five minutes, your answers would help the scheme a great deal.",
            Anonymity,
            "This is the only reminder we will send.",
        ],
        new EmailLink("Answer the survey", Link(EvaluationPath(pairingId)))));

    public void ExitSurveyInvitation(Recipient to, string otherName, string programmeName, bool isMentee, int pairingId) => Add(to, new EmailContent(
        ExitSurveyInvitationSubject,
        $"Dear {to.Name},",
        [
            isMentee
                ? $"Your pairing with {otherName} in {programmeName} has ended. Thank you for taking part."
                : $"Your mentoring of {otherName} in {programmeName} has ended. Thank you for the time you gave.",
            "Would you tell us, in two short questions, why it ended and what would have helped? It takes about two minutes.",
            Anonymity,
        ],
        new EmailLink("Answer two questions", Link(ExitSurveyPath(pairingId)))));

    public static string EvaluationPath(int pairingId) => $"/pairings/{pairingId}/evaluation";

    public static string ExitSurveyPath(int pairingId) => $"/pairings/{pairingId}/exit-survey";
}
