using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Email.Templates;

namespace MentoringPortal.Web.Email;

/// <summary>Emails about the life of a pairing: ending it, asking the scheme for a change, meeting reminders.</summary>
public sealed partial class PortalEmails
{
    public void PairingEnded(Recipient to, string otherName, EndReason reason, bool toMentee) =>
        Add(to, new PairingEndedModel(otherName, reason, toMentee));

    /// <summary>To an administrator: only that a request is waiting. The reason stays in the portal, for administrators' eyes.</summary>
    public void ChangeRequestWaiting(Recipient administrator, string programmeName) => Add(administrator, new ChangeRequestWaitingModel(programmeName));

    public void ChangeRequestReceived(Recipient requester) => Add(requester, new ChangeRequestReceivedModel());

    public void MeetingOverdue(Recipient to, string otherName, int cadenceWeeks, int pairingId) =>
        Add(to, new MeetingOverdueModel(otherName, cadenceWeeks, pairingId));

    /// <summary>To the other member: a message from the sender is waiting. Never the message's text, which stays in the portal.</summary>
    public void MessageWaiting(Recipient to, string fromName, int pairingId) => Add(to, new MessageWaitingModel(fromName, pairingId));
}
