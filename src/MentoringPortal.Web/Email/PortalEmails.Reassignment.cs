namespace MentoringPortal.Web.Email;

/// <summary>
/// Emails about the scheme changing a pairing: a reassignment (three different emails), a pairing
/// ended by the scheme, and a change request declined. None of them carries a change request's
/// confidential content to anyone but its author.
/// </summary>
public sealed partial class PortalEmails
{
    /// <summary>To the mentee who has been moved: who the new mentor is and what to do next.</summary>
    public void ReassignedMenteeNewMentor(Recipient mentee, string newMentorName, int newPairingId) => Add(mentee, new EmailContent(
        $"Your new mentor is {newMentorName}",
        $"Dear {mentee.Name},",
        [
            $"The scheme has arranged a new mentor for you: {newMentorName}. Your previous pairing has ended; nobody is at fault, and changing mentor is a normal part of mentoring.",
            $"You can read about {newMentorName} (their experience, and how they like to meet) on your pairing's page: {Link($"/pairings/{newPairingId}")}",
            $"Next step: arrange your first meeting with {newMentorName}. The first meeting is face to face, so agree a time and a quiet place where you can talk in confidence. You can plan it from your pairing's page.",
        ],
        new EmailLink("Plan your first meeting", Link($"/pairings/{newPairingId}"))));

    /// <summary>To the mentor who takes the mentee on.</summary>
    public void ReassignedNewMentee(Recipient mentor, string menteeName, string programmeName, int newPairingId) => Add(mentor, new EmailContent(
        $"You have a new mentee: {menteeName}",
        $"Dear {mentor.Name},",
        [
            $"The scheme has paired you with {menteeName} in {programmeName}. Thank you for offering your place.",
            $"Next step: arrange your first meeting. The first meeting is face to face, so suggest a time and a quiet place where you can talk in confidence.",
        ],
        new EmailLink($"See your pairing with {menteeName}", Link($"/pairings/{newPairingId}"))));

    /// <summary>To the previous mentor: a neutral notice. It never says why, and nothing from any change request.</summary>
    public void ReassignedPairingEnded(Recipient mentor, string menteeName) => Add(mentor, new EmailContent(
        $"Your mentoring with {menteeName} has ended",
        $"Dear {mentor.Name},",
        [
            $"The scheme has made a change to its pairings, and your mentoring pairing with {menteeName} has now ended. There is nothing you need to do.",
            "Thank you for the time and care you have given as a mentor. Your place is free again, so another trainee can be paired with you.",
        ],
        new EmailLink("See your mentoring", Link("/me"))));

    /// <summary>To each member when an administrator ends their pairing; the administrator's message, if any, goes to both.</summary>
    public void PairingEndedByScheme(Recipient to, string otherName, string? message, bool toMentee) => Add(to, new EmailContent(
        $"Your mentoring with {otherName} has ended",
        $"Dear {to.Name},",
        [
            $"The scheme has ended your mentoring pairing with {otherName}. Meetings that were still planned have been cancelled.",
            .. message is null ? Array.Empty<string>() : [$"A message from the scheme's administrator: \"{message}\""],
            toMentee
                ? "Thank you for taking part. If you would like a mentor again, you can find one who is accepting in the directory."
                : "Thank you for your time and care as a mentor. Your place is free again.",
        ],
        toMentee ? new EmailLink("Find a mentor who is accepting now", Link("/mentors?accepting=true")) : new EmailLink("See your mentoring", Link("/me"))));

    /// <summary>To the member who asked for a change, only: the other member was never told about the request.</summary>
    public void ChangeRequestDeclined(Recipient requester, string otherName, string message) => Add(requester, new EmailContent(
        "About your request for a change",
        $"Dear {requester.Name},",
        [
            $"Thank you for telling the scheme about your pairing with {otherName}. After looking at it carefully, the scheme will not change the pairing for now.",
            $"A message from the scheme's administrator: \"{message}\"",
            $"{otherName} has not been told about your request. If things do not improve, you can ask again or end the pairing from your mentoring page.",
        ],
        new EmailLink("See your mentoring", Link("/me"))));
}
