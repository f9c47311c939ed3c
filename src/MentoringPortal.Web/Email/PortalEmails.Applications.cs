using MentoringPortal.Web.Email.Templates;

namespace MentoringPortal.Web.Email;

/// <summary>The facts about a matched mentor that their new mentee is told: no contact details beyond the portal.</summary>
public sealed record MatchedMentor(string Name, string Specialty, string Grade, string Region, string Background, string Expertise);

/// <summary>Emails about applying to a programme where the scheme matches mentees with mentors.</summary>
public sealed partial class PortalEmails
{
    public void ApplicationReceived(Recipient mentee, string programmeName) => Add(mentee, new ApplicationReceivedModel(programmeName));

    public void ApplicationMatched(Recipient mentee, MatchedMentor mentor, string programmeName, int pairingId) =>
        Add(mentee, new ApplicationMatchedModel(mentor, programmeName, pairingId));

    public void MatchedMenteeArrives(Recipient mentor, string menteeName, string programmeName, int pairingId) =>
        Add(mentor, new MatchedMenteeArrivesModel(menteeName, programmeName, pairingId));

    public void ApplicationDeclined(Recipient mentee, string programmeName, string message) =>
        Add(mentee, new ApplicationDeclinedModel(programmeName, message));
}
