using System.Globalization;
using System.Text.Json;
using MentoringPortal.Domain.Matching;

namespace MentoringPortal.Web.Features.Admin.Cohort;

/// <summary>The pins and drops a run starts from, as stored in <c>CohortRun.ChoicesJson</c>.</summary>
public sealed record CohortChoicesDocument(IReadOnlyList<CohortPairKey> Pinned, IReadOnlyList<CohortPairKey> Dropped)
{
    public static CohortChoicesDocument Empty { get; } = new([], []);

    public CohortChoices ToChoices() => new(Pinned, Dropped);

    public string ToJson() => JsonSerializer.Serialize(this, CohortJson.Options);

    public static CohortChoicesDocument FromJson(string json) =>
        JsonSerializer.Deserialize<CohortChoicesDocument>(json, CohortJson.Options) ?? Empty;

    /// <summary>"12-34": application 12 with mentor 34, as the proposal's checkboxes post it.</summary>
    public static string Key(int applicationId, int mentorId) =>
        string.Create(CultureInfo.InvariantCulture, $"{applicationId}-{mentorId}");

    public static CohortPairKey? ParseKey(string? value)
    {
        var parts = (value ?? string.Empty).Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var application)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mentor)
                ? new CohortPairKey(application, mentor)
                : null;
    }
}

/// <summary>A proposal as stored in <c>CohortRun.ProposalJson</c>: what the administrator reads and what a confirmation applies.</summary>
public sealed record CohortProposalDocument(
    IReadOnlyList<ProposedPair> Pairs,
    IReadOnlyList<UnmatchedApplicant> Unmatched,
    int MinimumScore,
    int MaxScore,
    int TotalScore,
    double AverageScore,
    int MentorCount,
    int FreePlaces)
{
    public int ApplicantCount => Pairs.Count + Unmatched.Count;

    public static CohortProposalDocument From(CohortProposal proposal, int mentorCount, int freePlaces) => new(
        proposal.Pairs.Select(p => new ProposedPair(p.Applicant.ApplicationId, p.Applicant.Name, p.Suggestion.Mentor.MentorId,
            p.Suggestion.Mentor.Name, p.Suggestion.Score, p.Suggestion.MaxScore, p.Suggestion.Reasons, p.Pinned)).ToList(),
        proposal.Unmatched.Select(u => new UnmatchedApplicant(u.Applicant.ApplicationId, u.Applicant.Name, u.Reason)).ToList(),
        proposal.MinimumScore,
        proposal.MaxScore,
        proposal.TotalScore,
        Math.Round(proposal.AverageScore, 1),
        mentorCount,
        freePlaces);

    public string ToJson() => JsonSerializer.Serialize(this, CohortJson.Options);

    public static CohortProposalDocument? FromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<CohortProposalDocument>(json, CohortJson.Options);
}

public sealed record ProposedPair(int ApplicationId, string ApplicantName, int MentorId, string MentorName, int Score, int MaxScore,
    IReadOnlyList<string> Reasons, bool Pinned)
{
    public string Key => CohortChoicesDocument.Key(ApplicationId, MentorId);
}

public sealed record UnmatchedApplicant(int ApplicationId, string Name, string Reason);

internal static class CohortJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
