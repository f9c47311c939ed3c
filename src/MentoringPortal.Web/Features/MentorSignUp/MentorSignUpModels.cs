using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Web.Features.Availability;

namespace MentoringPortal.Web.Features.MentorSignUp;

/// <summary>The mentor profile, and what the scheme needs to approve a new mentor.</summary>
public sealed class MentorSignUpForm : MentorProfileForm
{
    [Display(Name = "How many mentees could you take at once?")]
    [Range(1, Mentor.MaxCapacity, ErrorMessage = "Enter a number from 1 to 10.")]
    public int Capacity { get; set; } = 1;

    [Display(Name = "The mentor training you have done (optional)")]
    [StringLength(1000, ErrorMessage = "Keep this to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? TrainingDeclared { get; set; }

    public IList<int> ProgrammeIds { get; set; } = [];

    public static new MentorSignUpForm From(Mentor mentor)
    {
        var form = new MentorSignUpForm
        {
            Capacity = mentor.Capacity,
            TrainingDeclared = mentor.TrainingDeclared,
            ProgrammeIds = mentor.Programmes.Select(p => p.Id).ToList(),
        };
        form.FillProfileFrom(mentor);
        return form;
    }
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
