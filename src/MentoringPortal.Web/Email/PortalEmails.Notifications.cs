using MentoringPortal.Domain.Notifications;
using MentoringPortal.Web.Email.Templates;

namespace MentoringPortal.Web.Email;

/// <summary>The daily digest and administrators' messages to a programme.</summary>
public sealed partial class PortalEmails
{
    public void DailyDigest(Recipient to, DateOnly day, IReadOnlyList<DigestGroup> groups) => Add(to, new DailyDigestModel(day, groups));

    /// <summary>A "scheme news" email: each person's settings say whether it comes at once, in their digest, or not at all.</summary>
    public void Broadcast(Recipient to, string programmeName, string subject, string body) => Add(to, new BroadcastModel(programmeName, subject, body));
}
