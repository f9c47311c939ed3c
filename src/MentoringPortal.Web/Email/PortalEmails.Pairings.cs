using MentoringPortal.Domain.Mentorships;

namespace MentoringPortal.Web.Email;

/// <summary>Emails about the life of a pairing: ending it, asking the scheme for a change, meeting reminders.</summary>
public sealed partial class PortalEmails
{
    public void PairingEnded(Recipient to, string otherName, EndReason reason, bool toMentee) => Add(to, new EmailContent(
        $"Your mentoring with {otherName} has ended",
        $"Dear {to.Name},",
        [
            $"Your mentoring pairing with {otherName} has now ended ({reason.Describe().ToLowerInvariant()}).",
            toMentee
                ? "Thank you for taking part. If you would like a mentor again later, you can contact one who is accepting from the directory."
                : "Thank you for your time and care as a mentor. Your place is free again, so other trainees can contact you.",
        ],
        toMentee ? new EmailLink("Find a mentor who is accepting now", Link("/mentors?accepting=true")) : new EmailLink("See your mentoring", Link("/me"))));

    /// <summary>To an administrator: only that a request is waiting. The reason stays in the portal, for administrators' eyes.</summary>
    public void ChangeRequestWaiting(Recipient administrator, string programmeName) => Add(administrator, new EmailContent(
        $"A confidential change request is waiting ({programmeName})",
        $"Dear {administrator.Name},",
        [
            $"A member of a pairing in {programmeName} has asked the scheme, in confidence, for a change of mentor or mentee.",
            "The other member has not been told. Please read the request in the portal and decide what to do.",
        ],
        new EmailLink("Open the portal", Link("/admin"))));

    public void ChangeRequestReceived(Recipient requester) => Add(requester, new EmailContent(
        "We have received your request for a change",
        $"Dear {requester.Name},",
        [
            "Thank you for telling us. Your request and your reason are seen only by the scheme's administrators; the other member of your pairing has not been told.",
            "Relationships that do not work out are a normal part of mentoring and nobody is at fault. An administrator will be in touch about the next step.",
        ],
        new EmailLink("See your mentoring", Link("/me"))));

    public void MeetingOverdue(Recipient to, string otherName, int cadenceWeeks, int mentorshipId) => Add(to, new EmailContent(
        $"Time to plan your next meeting with {otherName}",
        $"Dear {to.Name},",
        [
            $"Your scheme suggests meeting every {cadenceWeeks} weeks, and no meeting with {otherName} has been held or planned in that time.",
            "If life has got in the way, that is fine: a short call to agree a date is enough. If the pairing is not working, you can ask the scheme for a change in confidence.",
        ],
        new EmailLink("Plan a meeting", Link($"/pairings/{mentorshipId}"))));
}
