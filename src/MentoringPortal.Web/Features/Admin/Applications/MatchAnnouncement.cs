using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Features.Pairings;

namespace MentoringPortal.Web.Features.Admin.Applications;

/// <summary>
/// What follows a match the scheme made, in the same unit as the change: when the applicant is
/// proposed to a mentor, the mentor is asked and the applicant told (without the mentor's name), and
/// the audit log records the score; when the mentor accepts, both are emailed the next steps, mentors
/// the applicant had asked are told kindly that the request is withdrawn, and the audit log records it.
/// Used for one application (<see cref="AdminApplicationsController"/>), a whole cohort (AdminCohort)
/// and the mentor's answer (Requests); the caller saves.
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

    public static async Task ProposedAsync(PortalDbContext db, PortalEmails emails, string actorUserId, MenteeApplication application,
        MentorProposal proposal, Programme programme, MatchScore? scored, DateTime now, CancellationToken cancellationToken)
    {
        var mentee = application.Mentee ?? throw new InvalidOperationException("Load the application's mentee first.");
        var mentor = proposal.Mentor ?? throw new InvalidOperationException("Load the proposal's mentor first.");
        var answerBy = DateOnly.FromDateTime(UkTime.ToUk(proposal.AnswerBy));
        var addresses = await db.EmailsAsync([mentee.UserId, mentor.UserId], cancellationToken);
        if (addresses.For(mentor.UserId, mentor.DisplayName) is { } mentorAddress)
        {
            emails.ProposalReceived(mentorAddress, mentee.DisplayName, programme.Name, answerBy);
        }

        if (addresses.For(mentee.UserId, mentee.DisplayName) is { } menteeAddress)
        {
            emails.ApplicationProposed(menteeAddress, programme.Name, answerBy);
        }

        db.AuditEntries.Add(new AuditEntry(actorUserId, AuditActions.MentorProposed, $"{mentee.DisplayName} → {mentor.DisplayName}", null,
            AuditSummary(scored), now, programme.Id));
    }

    public static async Task AcceptedAsync(PortalDbContext db, PortalEmails emails, string actorUserId, MenteeApplication application, Mentor mentor,
        Programme programme, Acceptance acceptance, DateTime now, CancellationToken cancellationToken)
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

        db.AuditEntries.Add(new AuditEntry(actorUserId, AuditActions.ProposalAccepted, $"{mentee.DisplayName} → {mentor.DisplayName}", null,
            null, now, programme.Id));
    }

    /// <summary>
    /// A proposal declined or lapsed: the applicant is told kindly (never the mentor's reason), the programme's
    /// administrators are told, and the audit log records it with the reason.
    /// </summary>
    public static async Task ReturnedAsync(PortalDbContext db, PortalEmails emails, string? actorUserId, MenteeApplication application,
        MentorProposal proposal, string programmeName, DateTime now, CancellationToken cancellationToken)
    {
        var mentee = application.Mentee ?? throw new InvalidOperationException("Load the application's mentee first.");
        var mentor = proposal.Mentor ?? throw new InvalidOperationException("Load the proposal's mentor first.");
        var lapsed = proposal.Status == ProposalStatus.Expired;
        var addresses = await db.EmailsAsync([mentee.UserId], cancellationToken);
        if (addresses.For(mentee.UserId, mentee.DisplayName) is { } menteeAddress)
        {
            emails.FindingAnotherMentor(menteeAddress, programmeName);
        }

        foreach (var administrator in await db.OfProgrammesAsync([application.ProgrammeId], cancellationToken))
        {
            emails.ProposalReturned(administrator, mentee.DisplayName, mentor.DisplayName, programmeName, lapsed);
        }

        var reason = proposal.DeclineReason is { } why
            ? Truncate(proposal.DeclineNote is { } note ? $"{why.ForMentor()}: {note}" : why.ForMentor(), 2000)
            : null;
        db.AuditEntries.Add(new AuditEntry(actorUserId, lapsed ? AuditActions.ProposalLapsed : AuditActions.ProposalDeclined,
            $"{mentee.DisplayName} → {mentor.DisplayName}", ApplicationStatus.Proposed.Describe(), reason, now, application.ProgrammeId));
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
