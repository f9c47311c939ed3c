namespace MentoringPortal.Web.Data;

public enum CohortRunStatus
{
    Queued = 0,
    Running = 1,
    Proposed = 2,
    Failed = 3,
    Confirmed = 4,
}

/// <summary>
/// One whole-cohort matching run for a programme: the administrator's pins and drops go in, a
/// proposal comes out (worked out in the background), and nothing else changes until the
/// administrator confirms it. Kept so that a long run survives a page reload and a confirmation
/// can be applied once only.
/// </summary>
public sealed class CohortRun
{
    public const int MaxFailureLength = 1000;

    /// <summary>Far longer than any cohort takes (1,000 × 1,000 takes under a second): a run still working after this was stopped.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(15);

    public CohortRun(Guid id, int programmeId, string startedByUserId, string choicesJson, DateTime startedAt)
    {
        Id = id;
        ProgrammeId = programmeId;
        StartedByUserId = startedByUserId;
        ChoicesJson = choicesJson;
        StartedAt = startedAt;
        Status = CohortRunStatus.Queued;
    }

    public Guid Id { get; private set; }

    public int ProgrammeId { get; private set; }

    public string StartedByUserId { get; private set; }

    public DateTime StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    public CohortRunStatus Status { get; private set; }

    /// <summary>Applicants placed so far, and how many there are: the progress shown while the run works.</summary>
    public int Placed { get; private set; }

    public int ApplicantCount { get; private set; }

    /// <summary>The pinned and dropped pairs the run started from (JSON).</summary>
    public string ChoicesJson { get; private set; }

    /// <summary>The proposal (JSON), once worked out.</summary>
    public string? ProposalJson { get; private set; }

    public string? Failure { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsFinished => Status is CohortRunStatus.Proposed or CohortRunStatus.Failed or CohortRunStatus.Confirmed;

    public bool IsAbandoned(DateTime now) => !IsFinished && now - StartedAt > AbandonedAfter;

    public void Start(int applicantCount)
    {
        Status = CohortRunStatus.Running;
        ApplicantCount = applicantCount;
        Placed = 0;
        Version++;
    }

    public void Progress(int placed)
    {
        Placed = placed;
        Version++;
    }

    public void Propose(string proposalJson, DateTime now)
    {
        Status = CohortRunStatus.Proposed;
        ProposalJson = proposalJson;
        Placed = ApplicantCount;
        FinishedAt = now;
        Version++;
    }

    public void Fail(string failure, DateTime now)
    {
        Status = CohortRunStatus.Failed;
        Failure = failure.Length <= MaxFailureLength ? failure : failure[..MaxFailureLength];
        FinishedAt = now;
        Version++;
    }

    public void Confirm(DateTime now)
    {
        if (Status != CohortRunStatus.Proposed)
        {
            throw new InvalidOperationException("Only a proposal can be confirmed.");
        }

        Status = CohortRunStatus.Confirmed;
        ConfirmedAt = now;
        Version++;
    }
}
