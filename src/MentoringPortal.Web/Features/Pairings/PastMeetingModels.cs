using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>A meeting that already happened: when (UK time), how long, how, the shared agreed actions and the member's own note.</summary>
public sealed class PastMeetingForm
{
    [Display(Name = "Date")]
    [Required(ErrorMessage = "Enter the date you met.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Start time")]
    [Required(ErrorMessage = "Enter the time the meeting started, roughly.")]
    public TimeOnly? Time { get; set; }

    [Display(Name = "How long")]
    [Required(ErrorMessage = "Choose how long the meeting lasted.")]
    public int? DurationMinutes { get; set; } = 60;

    [Display(Name = "How you met")]
    [Required(ErrorMessage = "Choose how you met.")]
    public MeetingModes? Mode { get; set; }

    [Display(Name = "Agreed actions")]
    [StringLength(Meeting.MaxAgreedActionsLength, ErrorMessage = "Keep the agreed actions to 2,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? AgreedActions { get; set; }

    [Display(Name = "Your private note")]
    [StringLength(MeetingNote.MaxTextLength, ErrorMessage = "Keep your note to 4,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }
}

/// <summary>The "log a meeting that already happened" page; <see cref="StartedOn"/> is the pairing's first day, in UK time.</summary>
public sealed record PastMeetingViewModel(int PairingId, string OtherName, DateOnly StartedOn, PastMeetingForm Form);

/// <summary>The confirmation page of "No, it did not happen".</summary>
public sealed record NotHeldViewModel(int PairingId, int MeetingId, string OtherName, string When, string Mode);
