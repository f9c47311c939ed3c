namespace MentoringPortal.Domain.Notifications;

/// <summary>
/// One person's choice, for each <see cref="EmailKind"/>, of how they get its emails. A person with no row
/// gets everything at once, so the row is only written when they save their settings.
/// </summary>
public sealed class NotificationSettings
{
    public NotificationSettings(string userId)
    {
        UserId = Guard.Text(userId, "the account", 450);
    }

    public string UserId { get; private set; }

    public EmailDelivery Requests { get; private set; }

    public EmailDelivery Messages { get; private set; }

    public EmailDelivery Meetings { get; private set; }

    public EmailDelivery SchemeNews { get; private set; }

    public EmailDelivery For(EmailKind kind) => kind switch
    {
        EmailKind.Requests => Requests,
        EmailKind.Messages => Messages,
        EmailKind.Meetings => Meetings,
        EmailKind.SchemeNews => SchemeNews,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of email."),
    };

    public void Choose(EmailKind kind, EmailDelivery delivery)
    {
        if (!Enum.IsDefined(delivery))
        {
            throw new DomainRuleException("Choose at once, in a daily digest or not at all.");
        }

        switch (kind)
        {
            case EmailKind.Requests:
                Requests = delivery;
                break;
            case EmailKind.Messages:
                Messages = delivery;
                break;
            case EmailKind.Meetings:
                Meetings = delivery;
                break;
            case EmailKind.SchemeNews:
                SchemeNews = delivery;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of email.");
        }
    }

    /// <summary>
    /// How an email of this kind goes to this person. An email that carries a calendar invitation cannot wait for a
    /// digest (the digest cannot carry it, and the calendar would be wrong until then), so "digest" sends it at once.
    /// </summary>
    public static EmailDelivery Resolve(NotificationSettings? settings, EmailKind? kind, bool carriesCalendar)
    {
        if (settings is null || kind is null)
        {
            return EmailDelivery.AtOnce;
        }

        var chosen = settings.For(kind.Value);
        return chosen == EmailDelivery.Digest && carriesCalendar ? EmailDelivery.AtOnce : chosen;
    }
}
