using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain.Pairings;

namespace MentoringPortal.Web.Features.Messages;

public sealed class MessageForm
{
    [Required(ErrorMessage = "Enter your message.")]
    [StringLength(PairingMessage.MaxTextLength, ErrorMessage = "Keep your message to 4,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Text { get; set; }
}

/// <summary>One message as its reader sees it; <c>IsNew</c> when it was unread until this visit.</summary>
public sealed record MessageRow(int Id, string SenderName, bool FromMe, DateTime SentAt, string When, string Text, bool IsNew);

/// <summary>What one member shares with the other: the account's email and, if they chose to share one, a phone number.</summary>
public sealed record ContactRow(string Name, bool IsYou, string? Email, string? Phone);

/// <summary>
/// A page of a pairing's messages, oldest first. <c>EarlierBefore</c> is the id to page back from when older
/// messages exist; <c>IsLatest</c> when this page ends with the newest message.
/// </summary>
public sealed record MessageThreadViewModel(
    int PairingId,
    string OtherName,
    bool ViewerIsMentor,
    bool IsActive,
    IReadOnlyList<ContactRow> Contacts,
    IReadOnlyList<MessageRow> Messages,
    int? EarlierBefore,
    bool IsLatest,
    MessageForm Form);

/// <summary>"2 unread messages from Dr X" on /me, linking to the pairing's thread.</summary>
public sealed record UnreadMessages(int PairingId, string FromName, int Count);
