namespace MentoringPortal.Web.Email;

/// <summary>The facts about a matched mentor that their new mentee is told: no contact details beyond the portal.</summary>
public sealed record MatchedMentor(string Name, string Specialty, string Grade, string Region, string Background, string Expertise);

/// <summary>Emails about applying to a programme where the scheme matches mentees with mentors.</summary>
public sealed partial class PortalEmails
{
    public void ApplicationReceived(Recipient mentee, string programmeName) => Add(mentee, new EmailContent(
        $"We have received your application to {programmeName}",
        $"Dear {mentee.Name},",
        [
            $"Thank you for applying to {programmeName}. Your application is now waiting to be matched.",
            "A scheme administrator will read your goals and look for a mentor whose experience fits them. We will email you as soon as you have been matched.",
            "You can see your application, or withdraw it, at any time in the portal.",
        ],
        new EmailLink("See your application", Link("/me"))));

    public void ApplicationMatched(Recipient mentee, MatchedMentor mentor, string programmeName, int pairingId) => Add(mentee, new EmailContent(
        $"{mentor.Name} will be your mentor in {programmeName}",
        $"Dear {mentee.Name},",
        [
            $"Good news: the scheme has matched you with {mentor.Name}, whose experience fits the goals you shared with us.",
            $"Next step: arrange your first meeting. The first meeting is face to face, so agree a time and a quiet place where you can talk in confidence. {mentor.Name} has been told about you too.",
            "After the first meeting, most pairs meet every six to eight weeks.",
            $"About {mentor.Name}, from their mentor profile:",
        ],
        new EmailLink("See your pairing and plan the first meeting", Link($"/pairings/{pairingId}")),
        [
            $"Specialty: {mentor.Specialty}",
            $"Stage or grade: {mentor.Grade}",
            $"Region: {mentor.Region}",
            $"Background: {mentor.Background}",
            $"Can help with: {mentor.Expertise}",
        ]));

    public void MatchedMenteeArrives(Recipient mentor, string menteeName, string programmeName, int pairingId) => Add(mentor, new EmailContent(
        $"You have a new mentee: {menteeName}",
        $"Dear {mentor.Name},",
        [
            $"The scheme has matched you with {menteeName} in {programmeName}. Your pairing has started and uses one of your places.",
            $"Next step: arrange your first meeting. The first meeting is face to face, so suggest a time and a quiet place where you can talk in confidence. {menteeName} has been told about you too.",
        ],
        new EmailLink("See your pairing", Link($"/pairings/{pairingId}"))));

    public void ApplicationDeclined(Recipient mentee, string programmeName, string message) => Add(mentee, new EmailContent(
        $"About your application to {programmeName}",
        $"Dear {mentee.Name},",
        [
            $"Thank you for applying to {programmeName}. We are sorry that we are not able to match you with a mentor this time.",
            $"The scheme's message to you: \"{message}\"",
            "This says nothing about you or your goals. If your circumstances change, you are welcome to apply again.",
        ],
        new EmailLink("See your mentoring", Link("/me"))));
}
