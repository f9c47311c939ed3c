using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.Domain.Matching;

/// <summary>
/// A mentee asks a programme where the scheme matches to find them a mentor. It waits in the
/// administrators' queue until it is matched, declined or withdrawn.
/// </summary>
public sealed class MenteeApplication
{
    public const int MaxConflictsLength = 1000;
    public const int MaxStatementLength = 2000;

    private MenteeApplication()
    {
        Conflicts = Statement = string.Empty;
    }

    internal MenteeApplication(Mentee mentee, Programme programme, ApplicationChoices choices, DateTime now)
        : this()
    {
        Mentee = mentee;
        MenteeId = mentee.Id;
        Programme = programme;
        ProgrammeId = programme.Id;
        Statement = Guard.Text(choices.Statement, "what you hope to gain from mentoring", MaxStatementLength);
        Conflicts = Guard.Text(choices.Conflicts, "the people or organisations you have a conflict with", MaxConflictsLength, required: false);
        AvoidOwnOrganisation = choices.AvoidOwnOrganisation;
        PreferredModes = choices.PreferredModes;
        SubmittedAt = Guard.Utc(now);
        Status = ApplicationStatus.Waiting;
    }

    public int Id { get; private set; }

    public int MenteeId { get; private set; }

    public Mentee? Mentee { get; private set; }

    public int ProgrammeId { get; private set; }

    public Programme? Programme { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public string Statement { get; private set; }

    /// <summary>People or organisations, one per line, the mentee must not be matched with.</summary>
    public string Conflicts { get; private set; }

    public bool AvoidOwnOrganisation { get; private set; }

    public MeetingModes PreferredModes { get; private set; }

    public DateTime SubmittedAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? DecisionMessage { get; private set; }

    public int? PairingId { get; private set; }

    public Pairing? Pairing { get; private set; }

    public int Version { get; private set; }

    public bool IsWaiting => Status == ApplicationStatus.Waiting;

    public IReadOnlyList<string> ConflictList =>
        Conflicts.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What the scheme's matching needs to know about this mentee. Load the mentee, its goals and pairings first.</summary>
    public MenteeNeeds Needs()
    {
        var mentee = Mentee ?? throw new InvalidOperationException("Load the application's mentee first.");
        return MenteeNeeds.For(mentee, ProgrammeId, PreferredModes, AvoidOwnOrganisation, ConflictList, excludeCurrentAndPreviousMentors: false);
    }

    /// <summary>
    /// The scheme confirms a mentor for this applicant. The mentor's capacity is taken here, so the
    /// same race-safe rule as a mentor's acceptance applies (the mentor's concurrency token).
    /// </summary>
    public Acceptance Match(Mentor mentor, Programme programme, DateTime now)
    {
        EnsureWaiting();
        if (programme.Id != ProgrammeId)
        {
            throw new DomainRuleException("This application is for another programme.");
        }

        var mentee = Mentee ?? throw new InvalidOperationException("Load the application's mentee first.");
        var whyNot = MatchScoring.WhyExcluded(Needs(), MatchCandidate.From(mentor, DateOnly.FromDateTime(now)));
        if (whyNot is not null)
        {
            throw new DomainRuleException($"{mentor.DisplayName} cannot be matched: {whyNot}.");
        }

        var acceptance = mentee.PairWith(mentor, programme, now);
        Status = ApplicationStatus.Matched;
        DecidedAt = Guard.Utc(now);
        Pairing = acceptance.Pairing;
        Version++;
        return acceptance;
    }

    public void Decline(string message, DateTime now)
    {
        EnsureWaiting();
        DecisionMessage = Guard.Text(message, "a message to the applicant", 2000);
        Status = ApplicationStatus.Declined;
        DecidedAt = Guard.Utc(now);
        Version++;
    }

    public void Withdraw(DateTime now)
    {
        EnsureWaiting();
        Status = ApplicationStatus.Withdrawn;
        DecidedAt = Guard.Utc(now);
        Version++;
    }

    /// <summary>Withdraws a waiting application and erases what the applicant wrote, when their account is erased.</summary>
    public void EraseForLeaving(DateTime now)
    {
        if (IsWaiting)
        {
            Withdraw(now);
        }

        Statement = string.Empty;
        Conflicts = string.Empty;
        DecisionMessage = null;
        Version++;
    }

    private void EnsureWaiting()
    {
        if (!IsWaiting)
        {
            throw new DomainRuleException($"This application has already been dealt with ({Status.Describe().ToLowerInvariant()}).");
        }
    }
}

/// <summary>What a mentee fills in when applying, beside their profile and goals.</summary>
public sealed record ApplicationChoices(string? Statement, string? Conflicts, bool AvoidOwnOrganisation, MeetingModes PreferredModes);
