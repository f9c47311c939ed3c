using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;

namespace MentoringPortal.Web.Features.Admin.Applications;

/// <summary>
/// What follows a match the scheme confirmed, once the pairing is saved (its id goes into the emails'
/// links): the applicant and the mentor are emailed, mentors the applicant had asked are told kindly
/// that the request is withdrawn, and the audit log records the match. Used for one application
/// (<see cref="AdminApplicationsController"/>) and for a whole cohort (AdminCohort); the caller saves,
/// in the same transaction as the pairing.
/// </summary>
public static class MatchAnnouncement
{
    /// <summary>The score and its reasons, worked out before the match takes the mentor's place; null when the mentor is excluded.</summary>
    public static MatchScore? ScoreBeforeMatch(MenteeApplication application, Mentor mentor, Programme programme, DateTime now)
    {
        var needs = application.Needs();
        var candidate = MatchCandidate.From(mentor, DateOnly.FromDateTime(now));
        return MatchScoring.WhyExcluded(needs, candidate) is null ? MatchScore.Of(MatchScoring.Score(needs, candidate, programme.Weights)) : null;
    }

    public static async Task AddAsync(PortalDbContext db, PortalEmails emails, string actorUserId, MenteeApplication application, Mentor mentor,
        Programme programme, Acceptance acceptance, MatchScore? scored, DateTime now, CancellationToken cancellationToken)
    {
        var mentee = application.Mentee ?? throw new InvalidOperationException("Load the application's mentee first.");
        var pairingId = acceptance.Pairing.Id;
        var addresses = await db.EmailsAsync([mentee.UserId, mentor.UserId, .. acceptance.Withdrawn.Select(r => r.Mentor?.UserId)], cancellationToken);
        if (addresses.For(mentee.UserId, mentee.DisplayName) is { } menteeAddress)
        {
            emails.ApplicationMatched(menteeAddress,
                new MatchedMentor(mentor.DisplayName, mentor.Specialty, mentor.Grade, mentor.Region, mentor.Background, mentor.Expertise),
                programme.Name, pairingId);
        }

        if (addresses.For(mentor.UserId, mentor.DisplayName) is { } mentorAddress)
        {
            emails.MatchedMenteeArrives(mentorAddress, mentee.DisplayName, programme.Name, pairingId);
        }

        foreach (var request in acceptance.Withdrawn)
        {
            if (request.Mentor is { } asked && addresses.For(asked.UserId, asked.DisplayName) is { } to)
            {
                emails.RequestWithdrawn(to, mentee.DisplayName);
            }
        }

        db.AuditEntries.Add(new AuditEntry(actorUserId, AuditActions.ApplicationMatched, $"{mentee.DisplayName} → {mentor.DisplayName}", null,
            AuditSummary(scored), now, programme.Id));
    }

    private static string? AuditSummary(MatchScore? scored) => scored is null
        ? null
        : Truncate($"Score {scored.Score} of {scored.MaxScore}: {string.Join("; ", scored.Reasons)}", 2000);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>The score the administrator saw for a match, with its reasons: what the audit log records.</summary>
public sealed record MatchScore(int Score, int MaxScore, IReadOnlyList<string> Reasons)
{
    public static MatchScore Of(Suggestion suggestion) => new(suggestion.Score, suggestion.MaxScore, suggestion.Reasons);
}
