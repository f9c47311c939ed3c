using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Requests;

namespace MentoringPortal.Web.Features.Me;

public sealed record PairingSummary(
    int Id,
    string OtherPerson,
    string Programme,
    DateTime StartedAt,
    DateTime? NextMeeting,
    DateTime? LastMeetingHeld,
    bool Overdue,
    int CadenceWeeks,
    DateTime? ChangeRequestedAt,
    IReadOnlyList<UnansweredMeeting> Unanswered);

/// <summary>A planned meeting whose time has passed and that nobody has logged: "Did this meeting happen?".</summary>
public sealed record UnansweredMeeting(int Id, string When);

public sealed record MyRequest(
    int Id,
    int MentorId,
    string MentorName,
    ContactRequestStatus Status,
    DateTime SentAt,
    DateTime ExpiresAt,
    DateTime? AnsweredAt,
    DeclineReason? DeclineReason,
    string? DeclineNote);

public sealed record MenteeHome(
    bool ProfileComplete,
    IReadOnlyList<PairingSummary> Pairings,
    IReadOnlyList<MyRequest> Requests,
    IReadOnlyList<(GoalHorizon Horizon, string Description)> Goals,
    IReadOnlyList<ApplicationStatus> OpenApplications);

public sealed record MentorHome(IReadOnlyList<PairingSummary> Mentees, int PendingRequests, int Capacity, string Availability);

public sealed record MeViewModel(string Name, MenteeHome? Mentee, MentorHome? Mentor, bool IsAdministrator);

public sealed class MenteeProfileForm
{
    [Display(Name = "Full name")]
    [Required(ErrorMessage = "Enter your full name.")]
    [StringLength(100, ErrorMessage = "Keep your name to 100 characters or fewer.")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose your specialty.")]
    public string Specialty { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose your stage or grade.")]
    public string Grade { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose your region.")]
    public string Region { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose the background closest to yours.")]
    public string Background { get; set; } = string.Empty;

    [Display(Name = "Organisation (optional)")]
    [StringLength(150, ErrorMessage = "Keep your organisation to 150 characters or fewer.")]
    public string? Organisation { get; set; }

    public IList<int> ProgrammeIds { get; set; } = [];

    [Display(Name = "Phone number (optional)")]
    public string? PhoneNumber { get; set; }

    [Display(Name = "Short term (next 3 months)")]
    [StringLength(Goal.MaxDescriptionLength, ErrorMessage = "Keep each goal to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? ShortTermGoal { get; set; }

    [Display(Name = "Medium term (next year)")]
    [StringLength(Goal.MaxDescriptionLength, ErrorMessage = "Keep each goal to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? MediumTermGoal { get; set; }

    [Display(Name = "Long term (2 to 5 years)")]
    [StringLength(Goal.MaxDescriptionLength, ErrorMessage = "Keep each goal to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? LongTermGoal { get; set; }

    public MenteeProfile ToProfile() => new(DisplayName, Specialty, Grade, Region, Background, Organisation);

    public static MenteeProfileForm From(Mentee mentee) => new()
    {
        DisplayName = mentee.DisplayName,
        Specialty = mentee.Specialty ?? string.Empty,
        Grade = mentee.Grade ?? string.Empty,
        Region = mentee.Region ?? string.Empty,
        Background = mentee.Background ?? string.Empty,
        Organisation = mentee.Organisation,
        ProgrammeIds = mentee.Programmes.Select(p => p.Id).ToList(),
        ShortTermGoal = mentee.Goals.FirstOrDefault(g => g.Horizon == GoalHorizon.ShortTerm)?.Description,
        MediumTermGoal = mentee.Goals.FirstOrDefault(g => g.Horizon == GoalHorizon.MediumTerm)?.Description,
        LongTermGoal = mentee.Goals.FirstOrDefault(g => g.Horizon == GoalHorizon.LongTerm)?.Description,
    };
}

public sealed record ProgrammeChoice(int Id, string Name, string Summary);

public sealed record MenteeProfileViewModel(MenteeProfileForm Form, IReadOnlyList<ProgrammeChoice> Programmes);
