using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain.Notifications;

namespace MentoringPortal.Web.Features.Admin.Broadcasts;

/// <summary>An administrator's message to a programme's members: plain text, the body's line breaks kept.</summary>
public sealed class BroadcastForm
{
    [Display(Name = "Who should get it?")]
    [Required(ErrorMessage = "Choose who should get the message.")]
    public BroadcastAudience? Audience { get; set; }

    [Display(Name = "Subject")]
    [Required(ErrorMessage = "Enter a subject.")]
    [StringLength(150, ErrorMessage = "Keep the subject to 150 characters or fewer.")]
    public string? Subject { get; set; }

    [Display(Name = "Message")]
    [Required(ErrorMessage = "Enter the message.")]
    [StringLength(5000, ErrorMessage = "Keep the message to 5,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Body { get; set; }

    /// <summary>Given by the preview, so that confirming twice sends once.</summary>
    public Guid? PreviewId { get; set; }
}

public sealed record BroadcastProgramme(int Id, string Name);

public sealed record BroadcastRow(DateTime SentAt, string SentBy, BroadcastAudience Audience, string Subject, int RecipientCount);

public sealed record BroadcastsViewModel(BroadcastProgramme Programme, IReadOnlyList<BroadcastRow> Sent);

public sealed record BroadcastFormViewModel(BroadcastProgramme Programme, BroadcastForm Form);

/// <summary>The email as a member will read it (in plain text, with a placeholder name) and exactly how many will get it.</summary>
public sealed record BroadcastPreviewViewModel(BroadcastProgramme Programme, BroadcastForm Form, string Subject, string Text, int RecipientCount);

public static class BroadcastText
{
    public static string Audience(BroadcastAudience audience) => audience switch
    {
        BroadcastAudience.Mentors => "all mentors",
        BroadcastAudience.Mentees => "all mentees",
        _ => "all members (mentors and mentees)",
    };

    public static string People(int count) => count == 1 ? "1 person" : $"{count:N0} people";
}
