using MentoringPortal.Web.Data;

namespace MentoringPortal.Web.Email;

/// <summary>
/// Meeting emails. They say when and where, and who with, to the two members only; never notes or
/// agreed actions. Both members get each one, with a calendar that says even less (built by the caller),
/// so that both calendars follow the portal: a new event, then updates, then its cancellation.
/// </summary>
public sealed partial class PortalEmails
{
    public const string MeetingPlannedSubject = "Mentoring meeting planned";
    public const string MeetingChangedSubject = "Mentoring meeting changed";
    public const string MeetingCancelledSubject = "Mentoring meeting cancelled";

    public void MeetingPlanned(Recipient to, string otherName, string when, string where, bool isInitial, string pairingPath,
        MeetingCalendar calendar) => AddWithCalendar(to, new EmailContent(
            MeetingPlannedSubject,
            $"Dear {to.Name},",
            [
                $"A mentoring meeting with {otherName} has been planned for {when}.",
                $"Where: {where}.",
                .. isInitial ? ["This is your initial meeting, which is expected to be face to face."] : Array.Empty<string>(),
                "The calendar file attached to this email adds the meeting to your calendar.",
            ],
            new EmailLink("See the meeting", Link(pairingPath))), calendar);

    /// <summary>To each member; the one who made the change (<c>changedByRecipient</c>) is told so, and their calendar is updated too.</summary>
    public void MeetingChanged(Recipient to, string otherName, bool changedByRecipient, string when, string where, string pairingPath,
        MeetingCalendar calendar) =>
        AddWithCalendar(to, new EmailContent(
            MeetingChangedSubject,
            $"Dear {to.Name},",
            [
                changedByRecipient
                    ? $"You have changed your mentoring meeting with {otherName}. It is now on {when}, and {otherName} has been told."
                    : $"{otherName} has changed your mentoring meeting. It is now on {when}.",
                $"Where: {where}.",
                "The calendar file attached to this email updates the meeting in your calendar.",
            ],
            new EmailLink("See the meeting", Link(pairingPath))), calendar);

    /// <summary>To each member; the one who cancelled (<c>cancelledByRecipient</c>) is told so, and their calendar drops the meeting too.</summary>
    public void MeetingCancelled(Recipient to, string otherName, bool cancelledByRecipient, string when, string pairingPath,
        MeetingCalendar calendar) => AddWithCalendar(to, new EmailContent(
            MeetingCancelledSubject,
            $"Dear {to.Name},",
            [
                cancelledByRecipient
                    ? $"You have cancelled your mentoring meeting with {otherName} on {when}, and {otherName} has been told."
                    : $"{otherName} has cancelled your mentoring meeting on {when}.",
                "The calendar file attached to this email removes the meeting from your calendar.",
                "You can plan another meeting together from your pairing page.",
            ],
            new EmailLink("Plan another meeting", Link(pairingPath))), calendar);

    private void AddWithCalendar(Recipient to, EmailContent content, MeetingCalendar calendar) =>
        db.OutboxMessages.Add(new OutboxMessage(to.Email, content.Subject, EmailLayout.Text(content), EmailLayout.Html(content),
                time.GetUtcNow().UtcDateTime)
            .WithAttachment(calendar.FileName, calendar.ContentType, calendar.Content));
}

/// <summary>A calendar file (.ics) to attach to an email; <see cref="ContentType"/> names its iTIP method, e.g. "text/calendar; method=REQUEST".</summary>
public sealed record MeetingCalendar(string FileName, string ContentType, string Content);
