using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain.Mentors;

namespace MentoringPortal.Web.Features.Admin.Mentors;

public sealed record AdminMentorsQuery(string? Status, string? Training, string? Q, int Page)
{
    public static IReadOnlyList<(string Value, string Label)> Statuses { get; } =
        [("waiting", "Waiting for approval"), ("approved", "Approved"), ("declined", "Declined"), ("all", "All")];

    public static IReadOnlyList<(string Value, string Label)> TrainingFilters { get; } =
        [("", "Any"), ("missing", "Missing"), ("expired", "Expired"), ("expiring", $"Expiring within {Mentor.TrainingReminderDays} days"),
        ("due", $"Missing, expired or expiring within {Mentor.TrainingReminderDays} days")];

    public MentorApproval? Approval => Status switch
    {
        "waiting" => MentorApproval.Waiting,
        "approved" => MentorApproval.Approved,
        "declined" => MentorApproval.Declined,
        _ => null,
    };

    public bool HasFilters => Approval is not null || !string.IsNullOrEmpty(Training) || !string.IsNullOrWhiteSpace(Q);

    public string LinkToPage(int page)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(Status))
        {
            parts.Add("status=" + Uri.EscapeDataString(Status));
        }

        if (!string.IsNullOrEmpty(Training))
        {
            parts.Add("training=" + Uri.EscapeDataString(Training));
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            parts.Add("q=" + Uri.EscapeDataString(Q));
        }

        if (page > 1)
        {
            parts.Add("page=" + page);
        }

        return "/admin/mentors" + (parts.Count > 0 ? "?" + string.Join('&', parts) : string.Empty);
    }
}

public sealed record AdminMentorRow(
    int Id, string Name, IReadOnlyList<string> Programmes, MentorApproval Approval, string Training, int ActiveMentees, int Capacity, bool Listed);

public sealed record AdminMentorsViewModel(AdminMentorsQuery Query, IReadOnlyList<AdminMentorRow> Mentors, int Total, int Page, int PageCount);

public sealed record TrainingRow(string Course, bool IsSchemeCourse, DateOnly CompletedOn, DateOnly? ExpiresOn, string RecordedBy, DateTime RecordedAt);

public sealed record ActiveMenteeRow(string Name, string Programme, DateTime StartedAt);

public sealed record AdminMentorViewModel(
    Mentor Mentor,
    string? Email,
    IReadOnlyList<string> Programmes,
    string Training,
    bool Listed,
    string? WhyNotMatchable,
    IReadOnlyList<TrainingRow> TrainingRecords,
    IReadOnlyList<ActiveMenteeRow> ActiveMentees,
    RecordTrainingForm TrainingForm,
    CapacityForm CapacityForm);

/// <summary>The approve and decline pages: who, and the address the decision will be emailed to.</summary>
public sealed record MentorDecisionViewModel(int Id, string Name, string? Email, DeclineForm Form);

public sealed class RecordTrainingForm
{
    [Required(ErrorMessage = "Enter the course's name.")]
    [StringLength(TrainingRecord.MaxCourseLength, ErrorMessage = "Keep the course's name to 150 characters or fewer.")]
    public string? Course { get; set; } = Mentor.SchemeCourseName;

    public bool IsSchemeCourse { get; set; } = true;

    [Required(ErrorMessage = "Enter the date the course was completed.")]
    public DateOnly? CompletedOn { get; set; }

    public DateOnly? ExpiresOn { get; set; }
}

public sealed class CapacityForm
{
    [Range(1, Mentor.MaxCapacity, ErrorMessage = "Enter a number from 1 to 10.")]
    public int Capacity { get; set; }
}

public sealed class DeclineForm
{
    [Required(ErrorMessage = "Write a message to the person: they will read it.")]
    [StringLength(2000, ErrorMessage = "Keep the message to 2,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Message { get; set; }
}

public static class TrainingText
{
    public static string Describe(DateOnly? completedOn, DateOnly? expiresOn, DateOnly today) => (completedOn, expiresOn) switch
    {
        (null, _) => "Missing",
        (_, { } expires) when expires < today => $"Expired on {expires:d MMM yyyy}",
        (_, { } expires) when expires <= today.AddDays(Mentor.TrainingReminderDays) => $"Valid until {expires:d MMM yyyy} (expires soon)",
        (_, { } expires) => $"Valid until {expires:d MMM yyyy}",
        ({ } completed, null) => $"Completed {completed:d MMM yyyy}, does not expire",
    };
}
