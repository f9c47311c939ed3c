using MentoringPortal.Domain.Notifications;

namespace MentoringPortal.Web.Features.EmailSettings;

/// <summary>How the person wants each kind of email; a kind left out, or a value that is not a choice, is an error beside it.</summary>
public sealed class EmailSettingsForm
{
    public EmailDelivery? Requests { get; set; }

    public EmailDelivery? Messages { get; set; }

    public EmailDelivery? Meetings { get; set; }

    public EmailDelivery? SchemeNews { get; set; }

    public static EmailSettingsForm From(NotificationSettings? settings) => new()
    {
        Requests = settings?.Requests ?? EmailDelivery.AtOnce,
        Messages = settings?.Messages ?? EmailDelivery.AtOnce,
        Meetings = settings?.Meetings ?? EmailDelivery.AtOnce,
        SchemeNews = settings?.SchemeNews ?? EmailDelivery.AtOnce,
    };

    public EmailDelivery? For(EmailKind kind) => kind switch
    {
        EmailKind.Requests => Requests,
        EmailKind.Messages => Messages,
        EmailKind.Meetings => Meetings,
        _ => SchemeNews,
    };
}

/// <summary>One kind of email on the settings page: its field name, its name, and what it covers.</summary>
public sealed record EmailKindChoice(EmailKind Kind, string Field, string Name, string Covers);

public sealed record EmailSettingsViewModel(EmailSettingsForm Form, int WaitingForDigest)
{
    public static IReadOnlyList<EmailKindChoice> Kinds { get; } =
    [
        new(EmailKind.Requests, nameof(EmailSettingsForm.Requests), "Requests and matches",
            "New contact requests and their answers (accepted, declined, expired, withdrawn), applications, proposals and matches, and for administrators the sign-ups and change requests waiting for them."),
        new(EmailKind.Messages, nameof(EmailSettingsForm.Messages), "Messages and agreements",
            "A message waiting from the other member of your pairing, and your mentoring agreement to confirm or agreed."),
        new(EmailKind.Meetings, nameof(EmailSettingsForm.Meetings), "Meeting reminders",
            "Meetings planned, changed, cancelled or recorded, a meeting that did not happen, a reminder when no meeting has been held for a while, and mentor training about to expire. Emails that carry a calendar invitation come at once even if you choose the digest, so that your calendar stays right."),
        new(EmailKind.SchemeNews, nameof(EmailSettingsForm.SchemeNews), "Scheme news and surveys",
            "Messages from your programme's administrators, and invitations to the scheme's surveys."),
    ];

    public static IReadOnlyList<(EmailDelivery Delivery, string Label)> Choices { get; } =
    [
        (EmailDelivery.AtOnce, "At once"),
        (EmailDelivery.Digest, "In a daily digest"),
        (EmailDelivery.Off, "Not at all"),
    ];
}
