using MentoringPortal.Web.Email.Templates;

namespace MentoringPortal.Web.Email;

/// <summary>
/// Emails about the scheme changing a pairing: a reassignment (three different emails), a pairing
/// ended by the scheme, and a change request declined. None of them carries a change request's
/// confidential content to anyone but its author.
/// </summary>
public sealed partial class PortalEmails
{
    /// <summary>To the mentee who has been moved: who the new mentor is and what to do next.</summary>
    public void ReassignedMenteeNewMentor(Recipient mentee, string newMentorName, int newPairingId) =>
        Add(mentee, new ReassignedMenteeNewMentorModel(newMentorName, newPairingId));

    /// <summary>To the mentor who takes the mentee on.</summary>
    public void ReassignedNewMentee(Recipient mentor, string menteeName, string programmeName, int newPairingId) =>
        Add(mentor, new ReassignedNewMenteeModel(menteeName, programmeName, newPairingId));

    /// <summary>To the previous mentor: a neutral notice. It never says why, and nothing from any change request.</summary>
    public void ReassignedPairingEnded(Recipient mentor, string menteeName) => Add(mentor, new ReassignedPairingEndedModel(menteeName));

    /// <summary>To each member when an administrator ends their pairing; the administrator's message, if any, goes to both.</summary>
    public void PairingEndedByScheme(Recipient to, string otherName, string? message, bool toMentee) =>
        Add(to, new PairingEndedBySchemeModel(otherName, message, toMentee));

    /// <summary>To the member who asked for a change, only: the other member was never told about the request.</summary>
    public void ChangeRequestDeclined(Recipient requester, string otherName, string message) =>
        Add(requester, new ChangeRequestDeclinedModel(otherName, message));
}
