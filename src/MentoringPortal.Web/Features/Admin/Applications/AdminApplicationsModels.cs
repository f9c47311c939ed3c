using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Web.Forms;

namespace MentoringPortal.Web.Features.Admin.Applications;

public sealed class ApplicationQueueQuery
{
    public int? Programme { get; set; }

    public ApplicationStatus Status { get; set; } = ApplicationStatus.Waiting;

    public int Page { get; set; } = 1;

    public string Url(int page)
    {
        var query = new List<string>();
        if (Programme is { } programme)
        {
            query.Add($"programme={programme}");
        }

        if (Status != ApplicationStatus.Waiting)
        {
            query.Add($"status={Status}");
        }

        if (page > 1)
        {
            query.Add($"page={page}");
        }

        return "/admin/applications" + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query));
    }
}

public sealed record QueueRow(int Id, string Applicant, string Programme, DateTime SubmittedAt, int GoalCount, ApplicationStatus Status);

public sealed record ProgrammeFilter(int Id, string Name);

/// <summary>A programme where the scheme matches, whose whole cohort can be matched at once.</summary>
public sealed record CohortLink(string Slug, string Name);

public sealed record ApplicationQueueViewModel(
    ApplicationQueueQuery Query,
    IReadOnlyList<QueueRow> Rows,
    int Total,
    IReadOnlyList<ProgrammeFilter> Programmes,
    Pagination Pagination,
    IReadOnlyList<CohortLink>? Cohorts = null)
{
    public const int PageSize = 25;
}

/// <summary>What the scheme knows about an applicant: the facts and the goals they gave to be matched.</summary>
public sealed record ApplicantFacts(
    int ApplicationId,
    int ProgrammeId,
    string Programme,
    string Name,
    string? Specialty,
    string? Grade,
    string? Region,
    string? Background,
    string? Organisation,
    IReadOnlyList<HorizonGoal> Goals,
    string Statement,
    MeetingModes PreferredModes,
    bool AvoidOwnOrganisation,
    IReadOnlyList<string> Conflicts,
    DateTime SubmittedAt,
    ApplicationStatus Status,
    string? DecisionMessage);

public sealed record ApplicationViewModel(ApplicantFacts Applicant, SuggestionsViewModel? Suggestions, IReadOnlyList<ProposalLine> Proposals);

/// <summary>A mentor this application was proposed to, and what came of it (the mentor's reason is for administrators only).</summary>
public sealed record ProposalLine(string Mentor, ProposalStatus Status, DateTime ProposedAt, DateTime AnswerBy, DateTime? AnsweredAt, string? Reason);

public sealed record MatchViewModel(ApplicantFacts Applicant, int MentorId, string MentorName, Suggestion? Suggestion, string? Excluded);

public sealed class DeclineApplicationForm
{
    [Required(ErrorMessage = "Write a short, kind message to the applicant.")]
    [StringLength(2000, ErrorMessage = "Keep the message to 2,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Message { get; set; }
}

public sealed record DeclineApplicationViewModel(ApplicantFacts Applicant, DeclineApplicationForm Form);
