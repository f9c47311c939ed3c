using MentoringPortal.Web.Email.Templates;

namespace MentoringPortal.Web.Email;

/// <summary>Emails about signing in with an organisation's provider.</summary>
public sealed partial class PortalEmails
{
    public void SingleSignOnLink(Recipient to, string providerName, string identityName, string linkUrl) =>
        Add(to, new SingleSignOnLinkModel(providerName, identityName, linkUrl));
}
