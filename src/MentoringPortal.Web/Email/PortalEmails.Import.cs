using MentoringPortal.Web.Email.Templates;

namespace MentoringPortal.Web.Email;

/// <summary>Emails to people an administrator imported: an invitation for a new account, a short note for someone already here.</summary>
public sealed partial class PortalEmails
{
    public void InvitationToJoin(Recipient person, string programmeName, bool asMentor, string acceptPath, DateOnly expiresOn) =>
        Add(person, new InvitationToJoinModel(programmeName, asMentor, Link(acceptPath), expiresOn));

    public void AddedToProgramme(Recipient person, string programmeName, bool asMentor) =>
        Add(person, new AddedToProgrammeModel(programmeName, asMentor));
}
