namespace MentoringPortal.Domain.Mentees;

public sealed class Goal
{
    public const int MaxDescriptionLength = 1000;

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

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    internal void Describe(string description, DateTime now)
    {
        UpdatedAt = Guard.Utc(now);
        Description = Guard.Text(description, "the goal", MaxDescriptionLength);
    }
}
