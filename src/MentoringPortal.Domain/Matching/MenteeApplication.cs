using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;

namespace MentoringPortal.Domain.Matching;

/// <summary>
/// A mentee asks a programme where the scheme matches to find them a mentor. It waits in the
/// administrators' queue until it is matched, declined or withdrawn.
/// </summary>
public sealed class MenteeApplication
{
    public const int MaxConflictsLength = 1000;
    public const int MaxStatementLength = 2000;

    private readonly List<MentorProposal> _proposals = [];

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

    /// <summary>Not dealt with yet: waiting in the queue, or proposed to a mentor who has not answered.</summary>
    public bool IsOpen => Status is ApplicationStatus.Waiting or ApplicationStatus.Proposed;

    /// <summary>Every mentor this application was proposed to, answered or not (load them before matching).</summary>
    public IReadOnlyCollection<MentorProposal> Proposals => _proposals;

    /// <summary>The proposal waiting for a mentor's answer, if any.</summary>
    public MentorProposal? WaitingProposal => _proposals.Find(p => p.IsWaiting);

    public IReadOnlyList<string> ConflictList =>
        Conflicts.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What the scheme's matching needs to know about this mentee. Load the mentee, its goals and pairings first.</summary>
    public MenteeNeeds Needs()
    {
        var mentee = Mentee ?? throw new InvalidOperationException("Load the application's mentee first.");
        var needs = MenteeNeeds.For(mentee, ProgrammeId, PreferredModes, AvoidOwnOrganisation, ConflictList, excludeCurrentAndPreviousMentors: false);
        return needs with { PassedOverBy = _proposals.Where(p => p.PassedOver).Select(p => p.MentorId).ToHashSet() };
    }

    /// <summary>
    /// The scheme proposes a mentor for this applicant: the mentor is asked, within the programme's
    /// answer time, and one of their places is held until they answer. The same race-safe rule as a
    /// mentor's acceptance applies (the mentor's concurrency token and the database's capacity check).
    /// </summary>
    public MentorProposal Propose(Mentor mentor, Programme programme, DateTime now)
    {
        EnsureWaiting();
        if (programme.Id != ProgrammeId)
        {
            throw new DomainRuleException("This application is for another programme.");
        }

        var mentee = Mentee ?? throw new InvalidOperationException("Load the application's mentee first.");
        if (mentee.HasActivePairingIn(programme.Id))
        {
            throw new DomainRuleException($"{mentee.DisplayName} already has a mentor in {programme.Name}.");
        }

        if (!mentor.BelongsTo(programme.Id))
        {
            throw new DomainRuleException($"{mentor.DisplayName} does not mentor in {programme.Name}.");
        }

        var whyNot = MatchScoring.WhyExcluded(Needs(), MatchCandidate.From(mentor, DateOnly.FromDateTime(now)));
        if (whyNot is not null)
        {
            throw new DomainRuleException($"{mentor.DisplayName} cannot be matched: {whyNot}.");
        }

        mentor.TakePlace();
        var proposal = new MentorProposal(this, mentor, now, programme.ProposalAnswerDays);
        _proposals.Add(proposal);
        Status = ApplicationStatus.Proposed;
        Version++;
        return proposal;
    }

    /// <summary>A match the mentor agreed to already, proposed and accepted at once (demo history and tests).</summary>
    public Acceptance Match(Mentor mentor, Programme programme, DateTime now) => AcceptProposal(Propose(mentor, programme, now), programme, now);

    /// <summary>
    /// The proposed mentor accepts: the pairing starts in the place the proposal held, and the
    /// applicant's other pending requests in the programme are withdrawn. Load the mentee's pairings
    /// and pending requests, and the proposal's mentor, first.
    /// </summary>
    public Acceptance AcceptProposal(MentorProposal proposal, Programme programme, DateTime now)
    {
        EnsureOwnWaiting(proposal);
        if (proposal.IsDue(now))
        {
            throw new DomainRuleException("This proposal has lapsed: it was not answered in time.");
        }

        var mentee = Mentee ?? throw new InvalidOperationException("Load the application's mentee first.");
        var mentor = proposal.Mentor ?? throw new InvalidOperationException("Load the proposal's mentor first.");
        var acceptance = mentee.PairWithHeldPlace(mentor, programme, now);
        proposal.Close(ProposalStatus.Accepted, now);
        Status = ApplicationStatus.Matched;
        DecidedAt = Guard.Utc(now);
        Pairing = acceptance.Pairing;
        Version++;
        return acceptance;
    }

    /// <summary>
    /// The proposed mentor declines, with a reason: the held place is freed and the applicant returns
    /// to the queue, never to be proposed to this mentor again.
    /// </summary>
    public void DeclineProposal(MentorProposal proposal, DeclineReason reason, string? note, DateTime now)
    {
        EnsureOwnWaiting(proposal);
        proposal.Decline(reason, note, now);
        ReturnToQueue(proposal);
    }

    /// <summary>
    /// An unanswered proposal lapses at its deadline, as a decline without a reason does; false when it is
    /// not due (answered already, or still in time), so a second run changes nothing.
    /// </summary>
    public bool ExpireProposalIfDue(MentorProposal proposal, DateTime now)
    {
        if (proposal.ApplicationId != Id || !proposal.IsDue(now) || Status != ApplicationStatus.Proposed)
        {
            return false;
        }

        proposal.Close(ProposalStatus.Expired, now);
        ReturnToQueue(proposal);
        return true;
    }

    private void ReturnToQueue(MentorProposal proposal)
    {
        var mentor = proposal.Mentor ?? throw new InvalidOperationException("Load the proposal's mentor first.");
        mentor.ReleasePlace();
        Status = ApplicationStatus.Waiting;
        Version++;
    }

    private void EnsureOwnWaiting(MentorProposal proposal)
    {
        if (proposal.ApplicationId != Id)
        {
            throw new InvalidOperationException("That proposal belongs to another application.");
        }

        if (!proposal.IsWaiting || Status != ApplicationStatus.Proposed)
        {
            throw new DomainRuleException($"This proposal has already been answered ({proposal.Status.Describe().ToLowerInvariant()}).");
        }
    }

    public void Decline(string message, DateTime now)
    {
        EnsureWaiting();
        DecisionMessage = Guard.Text(message, "a message to the applicant", 2000);
        Status = ApplicationStatus.Declined;
        DecidedAt = Guard.Utc(now);
        Version++;
    }

    /// <summary>The applicant withdraws; a mentor's place held by a waiting proposal is freed. Load the proposals' mentors first.</summary>
    public void Withdraw(DateTime now)
    {
        if (Status == ApplicationStatus.Proposed && WaitingProposal is { } proposal)
        {
            proposal.Close(ProposalStatus.Withdrawn, now);
            (proposal.Mentor ?? throw new InvalidOperationException("Load the proposal's mentor first.")).ReleasePlace();
        }
        else
        {
            EnsureWaiting();
        }

        Status = ApplicationStatus.Withdrawn;
        DecidedAt = Guard.Utc(now);
        Version++;
    }

    /// <summary>Withdraws a waiting application and erases what the applicant wrote, when their account is erased.</summary>
    public void EraseForLeaving(DateTime now)
    {
        if (IsOpen)
        {
            Withdraw(now);
        }

        foreach (var proposal in _proposals)
        {
            proposal.EraseNote();
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
