using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>What the mentor sees of their mentee's profile.</summary>
public sealed record MenteeFacts(string? Specialty, string? Grade, string? Region, string? Background, string? Organisation);

/// <summary>What the mentee sees of their mentor's profile (also when the scheme matched them, and the mentor is not in the directory).</summary>
public sealed record MentorFacts(string Specialty, string Grade, string Region, string Background, string? Organisation, string Expertise,
    string Bio, string MeetingModes);

/// <summary>One meeting as a member of the pairing sees it. <see cref="MyNote"/> is the viewer's own note, never the other member's.</summary>
public sealed record MeetingRow(
    int Id,
    string When,
    int DurationMinutes,
    string Mode,
    string? Location,
    bool IsInitial,
    MeetingStatus Status,
    string? AgreedActions,
    string? MyNote,
    bool CanChange,
    bool CanLogAsHeld,
    bool AwaitsAnswer,
    bool DidNotHappen);

public sealed record PairingViewModel(
    int Id,
    bool ViewerIsMentor,
    string OtherName,
    MenteeFacts? Mentee,
    MentorFacts? Mentor,
    string Programme,
    DateTime StartedAt,
    bool IsActive,
    DateTime? EndedAt,
    bool IsOverdue,
    int CadenceWeeks,
    DateTime MeetingDueBy,
    IReadOnlyList<MeetingRow> Meetings)
{
    /// <summary>The next planned meeting still to come, if any: it puts an overdue pairing back on track only once held.</summary>
    public MeetingRow? NextPlanned => Meetings.FirstOrDefault(m => m.Status == MeetingStatus.Planned && !m.AwaitsAnswer);


    public bool HasMeetings => Meetings.Any(m => m.Status != MeetingStatus.Cancelled);
}

public sealed class MeetingForm
{
    public static IReadOnlyList<int> Durations { get; } = [30, 45, 60, 90, 120];

    [Display(Name = "Date")]
    [Required(ErrorMessage = "Enter the date of the meeting.")]
    public DateOnly? Date { get; set; }

    [Display(Name = "Start time")]
    [Required(ErrorMessage = "Enter the time the meeting starts.")]
    public TimeOnly? Time { get; set; }

    [Display(Name = "How long")]
    [Required(ErrorMessage = "Choose how long the meeting lasts.")]
    public int? DurationMinutes { get; set; } = 60;

    [Display(Name = "How you will meet")]
    [Required(ErrorMessage = "Choose how you will meet.")]
    public MeetingModes? Mode { get; set; }

    [Display(Name = "Place or link")]
    [StringLength(300, ErrorMessage = "Keep the place or link to 300 characters or fewer.")]
    public string? Location { get; set; }

    public static MeetingForm From(Meeting meeting)
    {
        var start = UkTime.ToUk(meeting.StartsAt);
        return new MeetingForm
        {
            Date = DateOnly.FromDateTime(start),
            Time = TimeOnly.FromDateTime(start),
            DurationMinutes = meeting.DurationMinutes,
            Mode = meeting.Mode,
            Location = meeting.Location,
        };
    }
}

/// <summary>The plan and edit pages. <see cref="MeetingId"/> is null when planning a new meeting.</summary>
public sealed record MeetingFormViewModel(int PairingId, int? MeetingId, string OtherName, bool IsInitial, MeetingForm Form);

public sealed record CancelMeetingViewModel(int PairingId, int MeetingId, string OtherName, string When, string Mode, string? Location, bool IsInitial);

public sealed class HeldForm
{
    [Display(Name = "Agreed actions")]
    [StringLength(Meeting.MaxAgreedActionsLength, ErrorMessage = "Keep the agreed actions to 2,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? AgreedActions { get; set; }

    [Display(Name = "Your private note")]
    [StringLength(MeetingNote.MaxTextLength, ErrorMessage = "Keep your note to 4,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Note { get; set; }
}

public sealed record HeldViewModel(int PairingId, int MeetingId, string OtherName, string When, bool IsInitial, bool AlreadyHeld, bool HasNote, HeldForm Form);
