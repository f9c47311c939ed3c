using MentoringPortal.Domain.Mentees;

namespace MentoringPortal.Domain.Evaluation;

/// <summary>
/// One member's survey for one pairing: created when they are invited, saved as often as they
/// like, and sent once. It names no person: who answered is the pairing's mentee or mentor, so
/// reports can count answers without knowing whose they are.
/// </summary>
public sealed class SurveyResponse
{
    public const int Lowest = 1;
    public const int Highest = 5;
    public const int MaxTextLength = 2000;
    public static readonly TimeSpan ReminderAfter = TimeSpan.FromDays(14);

    private readonly List<SurveyGoalProgress> _goalProgress = [];

    private SurveyResponse()
    {
    }

    internal SurveyResponse(int pairingId, int programmeId, SurveyKind kind, SurveyRespondent respondent, DateTime now)
    {
        PairingId = pairingId;
        ProgrammeId = programmeId;
        Kind = kind;
        Respondent = respondent;
        CreatedAt = Guard.Utc(now);
    }

    public int Id { get; private set; }

    public int PairingId { get; private set; }

    public int ProgrammeId { get; private set; }

    public SurveyKind Kind { get; private set; }

    public SurveyRespondent Respondent { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? InvitationSentAt { get; private set; }

    public DateTime? ReminderSentAt { get; private set; }

    public DateTime? SavedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public int? Knowledge { get; private set; }

    public int? Performance { get; private set; }

    public int? ProblemSolving { get; private set; }

    public int? Confidence { get; private set; }

    public int? Leadership { get; private set; }

    public int? Network { get; private set; }

    public int? Satisfaction { get; private set; }

    public Recommendation? WouldRecommend { get; private set; }

    public string? WhatWorked { get; private set; }

    public string? WhatCouldBeBetter { get; private set; }

    public ExitReason? EndingReason { get; private set; }

    public string? WhatWouldHaveHelped { get; private set; }

    public int Version { get; private set; }

    /// <summary>The mentee's goals rated again at the evaluation point, beside their rating at the start.</summary>
    public IReadOnlyCollection<SurveyGoalProgress> GoalProgress => _goalProgress;

    public bool IsSubmitted => SubmittedAt is not null;

    public int? Rating(Benefit benefit) => benefit switch
    {
        Benefit.Knowledge => Knowledge,
        Benefit.Performance => Performance,
        Benefit.ProblemSolving => ProblemSolving,
        Benefit.Confidence => Confidence,
        Benefit.Leadership => Leadership,
        _ => Network,
    };

    public bool NeedsInvitation => InvitationSentAt is null;

    /// <summary>One reminder, 14 days after the invitation, for an evaluation still unanswered.</summary>
    public bool NeedsReminder(DateTime now) =>
        Kind == SurveyKind.Evaluation && !IsSubmitted && InvitationSentAt is { } invited && ReminderSentAt is null
        && now - invited >= ReminderAfter;

    public void RecordInvitationSent(DateTime now)
    {
        InvitationSentAt = Guard.Utc(now);
        Version++;
    }

    public void RecordReminderSent(DateTime now)
    {
        ReminderSentAt = Guard.Utc(now);
        Version++;
    }

    /// <summary>Keeps what has been answered so far; nothing is required yet.</summary>
    /// <summary>Erases the free-text answers, when the respondent's account is erased; the scores stay for the scheme's figures.</summary>
    public void EraseComments()
    {
        WhatWorked = null;
        WhatCouldBeBetter = null;
        WhatWouldHaveHelped = null;
        Version++;
    }

    public void Save(EvaluationAnswers answers, DateTime now)
    {
        EnsureKind(SurveyKind.Evaluation);
        EnsureOpen();
        Apply(answers, complete: false);
        SavedAt = Guard.Utc(now);
        Version++;
    }

    /// <summary>
    /// Sends the evaluation: every rating is required. For the mentee, each goal is rated again;
    /// the rating joins the goal's history and the start and review ratings are kept here.
    /// </summary>
    public void Submit(EvaluationAnswers answers, IReadOnlyList<(Goal Goal, int Rating)> goalRatings, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(goalRatings);
        EnsureKind(SurveyKind.Evaluation);
        EnsureOpen();
        if (Respondent == SurveyRespondent.Mentor && goalRatings.Count > 0)
        {
            throw new DomainRuleException("Only the mentee rates their goals.");
        }

        Apply(answers, complete: true);
        foreach (var (goal, rating) in goalRatings)
        {
            var start = goal.StartRating;
            goal.Rate(rating, now);
            _goalProgress.Add(new SurveyGoalProgress(goal.Horizon, start, rating));
        }

        SavedAt = SubmittedAt = Guard.Utc(now);
        Version++;
    }

    public void Save(ExitAnswers answers, DateTime now)
    {
        EnsureKind(SurveyKind.Exit);
        EnsureOpen();
        Apply(answers, complete: false);
        SavedAt = Guard.Utc(now);
        Version++;
    }

    public void Submit(ExitAnswers answers, DateTime now)
    {
        EnsureKind(SurveyKind.Exit);
        EnsureOpen();
        Apply(answers, complete: true);
        SavedAt = SubmittedAt = Guard.Utc(now);
        Version++;
    }

    private void Apply(EvaluationAnswers answers, bool complete)
    {
        ArgumentNullException.ThrowIfNull(answers);
        Knowledge = Checked(answers.Knowledge, Benefit.Knowledge.Describe(), complete);
        Performance = Checked(answers.Performance, Benefit.Performance.Describe(), complete);
        ProblemSolving = Checked(answers.ProblemSolving, Benefit.ProblemSolving.Describe(), complete);
        Confidence = Checked(answers.Confidence, Benefit.Confidence.Describe(), complete);
        Leadership = Checked(answers.Leadership, Benefit.Leadership.Describe(), complete);
        Network = Checked(answers.Network, Benefit.Network.Describe(), complete);
        Satisfaction = Checked(answers.Satisfaction, "overall satisfaction", complete);
        WouldRecommend = answers.WouldRecommend switch
        {
            null when complete => throw new DomainRuleException("Say whether you would recommend the scheme."),
            { } value when !Enum.IsDefined(value) => throw new DomainRuleException("Say whether you would recommend the scheme."),
            var value => value,
        };
        WhatWorked = Text(answers.WhatWorked, "what worked");
        WhatCouldBeBetter = Text(answers.WhatCouldBeBetter, "what could be better");
    }

    private void Apply(ExitAnswers answers, bool complete)
    {
        ArgumentNullException.ThrowIfNull(answers);
        EndingReason = answers.Reason switch
        {
            null when complete => throw new DomainRuleException("Choose why the pairing ended."),
            { } value when !Enum.IsDefined(value) => throw new DomainRuleException("Choose why the pairing ended."),
            var value => value,
        };
        WhatWouldHaveHelped = Text(answers.WhatWouldHaveHelped, "what would have helped");
        if (complete && EndingReason == ExitReason.Other && WhatWouldHaveHelped is null)
        {
            throw new DomainRuleException("Tell us a little about why it ended.");
        }
    }

    private static int? Checked(int? rating, string what, bool required) => rating switch
    {
        null when required => throw new DomainRuleException($"Rate {what.ToLowerInvariant()} from {Lowest} to {Highest}."),
        null => null,
        >= Lowest and <= Highest => rating,
        _ => throw new DomainRuleException($"Rate {what.ToLowerInvariant()} from {Lowest} to {Highest}."),
    };

    private static string? Text(string? text, string what)
    {
        var checkedText = Guard.Text(text, what, MaxTextLength, required: false);
        return checkedText.Length == 0 ? null : checkedText;
    }

    private void EnsureKind(SurveyKind kind)
    {
        if (Kind != kind)
        {
            throw new InvalidOperationException($"This is an {Kind} survey, not an {kind} survey.");
        }
    }

    private void EnsureOpen()
    {
        if (IsSubmitted)
        {
            throw new DomainRuleException("You have already sent this survey. Thank you.");
        }
    }
}

/// <summary>The answers to the evaluation survey; null for anything not answered yet.</summary>
public sealed record EvaluationAnswers(
    int? Knowledge,
    int? Performance,
    int? ProblemSolving,
    int? Confidence,
    int? Leadership,
    int? Network,
    int? Satisfaction,
    Recommendation? WouldRecommend,
    string? WhatWorked,
    string? WhatCouldBeBetter);

public sealed record ExitAnswers(ExitReason? Reason, string? WhatWouldHaveHelped);

/// <summary>A goal's self-rating at the start and at the evaluation point, without the goal's words.</summary>
public sealed class SurveyGoalProgress
{
    private SurveyGoalProgress()
    {
    }

    internal SurveyGoalProgress(GoalHorizon horizon, int? startRating, int reviewRating)
    {
        Horizon = horizon;
        StartRating = startRating;
        ReviewRating = reviewRating;
    }

    public int Id { get; private set; }

    public int SurveyResponseId { get; private set; }

    public GoalHorizon Horizon { get; private set; }

    public int? StartRating { get; private set; }

    public int ReviewRating { get; private set; }

    public int? Progress => StartRating is int start ? ReviewRating - start : null;
}
