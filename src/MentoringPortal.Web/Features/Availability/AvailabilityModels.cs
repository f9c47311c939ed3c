using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;

namespace MentoringPortal.Web.Features.Availability;

public sealed class AvailabilityForm
{
    [Display(Name = "How many mentees can you take at once?")]
    [Range(1, Mentor.MaxCapacity, ErrorMessage = "Enter a number from 1 to 10.")]
    public int Capacity { get; set; } = 1;

    [Display(Name = "Are you accepting new mentees?")]
    public AvailabilityStatus Status { get; set; }

    [Display(Name = "Paused until")]
    [DataType(DataType.Date)]
    public DateOnly? PausedUntil { get; set; }
}

public sealed record AvailabilityViewModel(AvailabilityForm Form, int ActiveMentees, int PendingRequests);

/// <summary>A mentor's profile as a form: the profile page edits it, and the sign-up form adds to it.</summary>
public class MentorProfileForm
{
    [Display(Name = "Name as shown to trainees")]
    [Required(ErrorMessage = "Enter your name.")]
    [StringLength(100, ErrorMessage = "Keep your name to 100 characters or fewer.")]
    public string DisplayName { get; set; } = string.Empty;

    [Display(Name = "Specialty")]
    [Required(ErrorMessage = "Choose your specialty.")]
    public string Specialty { get; set; } = string.Empty;

    [Display(Name = "Grade or role")]
    [Required(ErrorMessage = "Choose your grade or role.")]
    public string Grade { get; set; } = string.Empty;

    [Display(Name = "Region")]
    [Required(ErrorMessage = "Choose your region.")]
    public string Region { get; set; } = string.Empty;

    [Display(Name = "Background")]
    [Required(ErrorMessage = "Choose the background closest to yours.")]
    public string Background { get; set; } = string.Empty;

    [Display(Name = "Organisation (optional)")]
    [StringLength(150, ErrorMessage = "Keep your organisation to 150 characters or fewer.")]
    public string? Organisation { get; set; }

    [Display(Name = "Areas of expertise")]
    [Required(ErrorMessage = "Describe your areas of expertise.")]
    [StringLength(500, ErrorMessage = "Keep your areas of expertise to 500 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string Expertise { get; set; } = string.Empty;

    [Display(Name = "About you")]
    [Required(ErrorMessage = "Write a short biography.")]
    [StringLength(3000, ErrorMessage = "Keep your biography to 3,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string Bio { get; set; } = string.Empty;

    public IList<MeetingModes> MeetingModes { get; set; } = [];

    public MentorProfile ToProfile() => new(DisplayName, Specialty, Grade, Region, Background, Organisation, Expertise, Bio,
        MeetingModes.Aggregate(Domain.MeetingModes.None, (all, mode) => all | mode));

    public static MentorProfileForm From(Mentor mentor)
    {
        var form = new MentorProfileForm();
        form.FillProfileFrom(mentor);
        return form;
    }

    protected void FillProfileFrom(Mentor mentor)
    {
        DisplayName = mentor.DisplayName;
        Specialty = mentor.Specialty;
        Grade = mentor.Grade;
        Region = mentor.Region;
        Background = mentor.Background;
        Organisation = mentor.Organisation;
        Expertise = mentor.Expertise;
        Bio = mentor.Bio;
        MeetingModes = MeetingModesText.Each.Where(m => mentor.MeetingModes.HasFlag(m)).ToList();
    }
}
