namespace MentoringPortal.Domain.Mentees;

public enum GoalStatus
{
    Open = 0,
    Achieved = 1,
    Dropped = 2,
}

/// <summary>A mentee's goal for one horizon, with the self-ratings that show progress over time.</summary>
public sealed class Goal
{
    public const int MaxDescriptionLength = 1000;

    private readonly List<GoalRating> _ratings = [];

    private Goal()
    {
        Description = string.Empty;
    }

    internal Goal(GoalHorizon horizon, string description, DateTime now)
    {
        Horizon = horizon;
        Description = Guard.Text(description, "the goal", MaxDescriptionLength);
        CreatedAt = Guard.Utc(now);
        UpdatedAt = now;
    }

    public int Id { get; private set; }

    public int MenteeId { get; private set; }

    public GoalHorizon Horizon { get; private set; }

    public string Description { get; private set; }

    public GoalStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    /// <summary>Every self-rating, oldest first: the first is the rating at the start.</summary>
    public IReadOnlyCollection<GoalRating> Ratings => _ratings;

    public int? StartRating => _ratings.OrderBy(r => r.RecordedAt).FirstOrDefault()?.Rating;

    public int? CurrentRating => _ratings.OrderBy(r => r.RecordedAt).LastOrDefault()?.Rating;

    /// <summary>Records how far along the mentee feels they are, 1 (not started) to 5 (there). Earlier ratings are kept.</summary>
    public void Rate(int rating, DateTime now)
    {
        if (rating is < GoalRating.Lowest or > GoalRating.Highest)
        {
            throw new DomainRuleException($"Rate your progress from {GoalRating.Lowest} to {GoalRating.Highest}.");
        }

        _ratings.Add(new GoalRating(rating, Guard.Utc(now)));
        UpdatedAt = now;
    }

    /// <summary>Erases the goal's words, when the mentee's account is erased; the ratings stay for the scheme's figures.</summary>
    internal void Erase() => Description = string.Empty;

    public void SetStatus(GoalStatus status, DateTime now)
    {
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException("Choose whether the goal is open, achieved or dropped.");
        }

        UpdatedAt = Guard.Utc(now);
        Status = status;
    }

    internal void Describe(string description, DateTime now)
    {
        UpdatedAt = Guard.Utc(now);
        Description = Guard.Text(description, "the goal", MaxDescriptionLength);
    }
}

public sealed class GoalRating
{
    public const int Lowest = 1;
    public const int Highest = 5;

    private GoalRating()
    {
    }

    internal GoalRating(int rating, DateTime recordedAt)
    {
        Rating = rating;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }

    public int GoalId { get; private set; }

    public int Rating { get; private set; }

    public DateTime RecordedAt { get; private set; }
}
