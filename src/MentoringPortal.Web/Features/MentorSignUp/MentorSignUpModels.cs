using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;

namespace MentoringPortal.Web.Features.MentorSignUp;

public sealed class MentorSignUpForm
{
    [Display(Name = "Name as shown to trainees")]
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(100, ErrorMessage = "Keep your name to 100 characters or fewer.")]
    public string DisplayName { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose your specialty.")]
    public string Specialty { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose your grade or role.")]
    public string Grade { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose your region.")]
    public string Region { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose the background closest to yours.")]
    public string Background { get; set; } = string.Empty;

    [Display(Name = "Organisation (optional)")]
    [StringLength(150, ErrorMessage = "Keep your organisation to 150 characters or fewer.")]
    public string? Organisation { get; set; }

    [Display(Name = "Areas of expertise")]
    [Required(ErrorMessage = "Describe your areas of expertise.")]
    [StringLength(500, ErrorMessage = "Keep your areas of expertise to 500 characters or fewer.")]
    public string Expertise { get; set; } = string.Empty;

    [Display(Name = "About you")]
    [Required(ErrorMessage = "Write a short biography.")]
    [StringLength(3000, ErrorMessage = "Keep your biography to 3,000 characters or fewer.")]
    public string Bio { get; set; } = string.Empty;

    public IList<MeetingModes> MeetingModes { get; set; } = [];

    [Display(Name = "How many mentees could you take at once?")]
    [Range(1, Mentor.MaxCapacity, ErrorMessage = "Enter a number from 1 to 10.")]
    public int Capacity { get; set; } = 1;

    [Display(Name = "The mentor training you have done (optional)")]
    [StringLength(1000, ErrorMessage = "Keep this to 1,000 characters or fewer.")]
    public string? TrainingDeclared { get; set; }

    public IList<int> ProgrammeIds { get; set; } = [];

    public MentorProfile ToProfile() => new(DisplayName, Specialty, Grade, Region, Background, Organisation, Expertise, Bio,
        MeetingModes.Aggregate(Domain.MeetingModes.None, (all, mode) => all | mode));

    public static MentorSignUpForm From(Mentor mentor) => new()
    {
        DisplayName = mentor.DisplayName,
        Specialty = mentor.Specialty,
        Grade = mentor.Grade,
        Region = mentor.Region,
        Background = mentor.Background,
        Organisation = mentor.Organisation,
        Expertise = mentor.Expertise,
        Bio = mentor.Bio,
        MeetingModes = MeetingModesText.Each.Where(m => mentor.MeetingModes.HasFlag(m)).ToList(),
        Capacity = mentor.Capacity,
        TrainingDeclared = mentor.TrainingDeclared,
        ProgrammeIds = mentor.Programmes.Select(p => p.Id).ToList(),
    };
}

public sealed record ProgrammeChoice(int Id, string Name, string Summary);

/// <summary>The sign-up form, for a new offer or for one the scheme declined (then with the scheme's message).</summary>
public sealed record MentorSignUpViewModel(MentorSignUpForm Form, IReadOnlyList<ProgrammeChoice> Programmes, string? DeclineMessage);

/// <summary>What the person sent, while it waits for the scheme.</summary>
public sealed record MentorSignUpWaitingViewModel(
    DateTime? SignedUpAt, string DisplayName, string Specialty, string Grade, string Region, int Capacity,
    string? TrainingDeclared, IReadOnlyList<string> Programmes);

/// <summary>The short status on /me: an invitation to mentor, or where the person's sign-up stands.</summary>
public sealed record MentorSignUpStatusViewModel(MentorApproval? Approval, bool IsMentee);
