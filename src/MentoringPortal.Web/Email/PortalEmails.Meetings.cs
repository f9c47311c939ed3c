using MentoringPortal.Web.Data;

namespace MentoringPortal.Web.Email;

/// <summary>
/// Meeting emails. They say when and where, and who with, to the two members only; never notes or
/// agreed actions. The attached calendar file is built by the caller and says even less.
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

    public void MeetingChanged(Recipient to, string otherName, string when, string where, string pairingPath, MeetingCalendar calendar) =>
        AddWithCalendar(to, new EmailContent(
            MeetingChangedSubject,
            $"Dear {to.Name},",
            [
                $"{otherName} has changed your mentoring meeting. It is now on {when}.",
                $"Where: {where}.",
                "The calendar file attached to this email updates the meeting in your calendar.",
            ],
            new EmailLink("See the meeting", Link(pairingPath))), calendar);

    public void MeetingCancelled(Recipient to, string otherName, string when, string pairingPath) => Add(to, new EmailContent(
        MeetingCancelledSubject,
        $"Dear {to.Name},",
        [
            $"{otherName} has cancelled your mentoring meeting on {when}.",
            "You can plan another meeting together from your pairing page.",
        ],
        new EmailLink("Plan another meeting", Link(pairingPath))));

    private void AddWithCalendar(Recipient to, EmailContent content, MeetingCalendar calendar) =>
        db.OutboxMessages.Add(new OutboxMessage(to.Email, content.Subject, EmailLayout.Text(content), EmailLayout.Html(content),
                time.GetUtcNow().UtcDateTime)
            .WithAttachment(calendar.FileName, calendar.ContentType, calendar.Content));
}

/// <summary>A calendar file (.ics) to attach to an email.</summary>
public sealed record MeetingCalendar(string FileName, string ContentType, string Content);
