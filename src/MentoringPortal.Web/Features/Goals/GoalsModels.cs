using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain.Mentees;

namespace MentoringPortal.Web.Features.Goals;

/// <summary>The words a mentee sees beside each self-rating.</summary>
public static class GoalRatingText
{
    public static IReadOnlyList<int> Values { get; } = [1, 2, 3, 4, 5];

    public static string Describe(int rating) => rating switch
    {
        1 => "1 – not started",
        2 => "2 – made a start",
        3 => "3 – halfway there",
        4 => "4 – nearly there",
        5 => "5 – achieved",
        _ => rating.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static string Describe(this GoalStatus status) => status switch
    {
        GoalStatus.Achieved => "Achieved",
        GoalStatus.Dropped => "Dropped",
        _ => "Open",
    };
}

public sealed record RatingRow(DateTime RecordedAt, int Rating);

public sealed record GoalRow(int Id, GoalHorizon Horizon, string Description, GoalStatus Status, IReadOnlyList<RatingRow> Ratings)
{
    public int? StartRating => Ratings.Count > 0 ? Ratings[0].Rating : null;

    public int? CurrentRating => Ratings.Count > 0 ? Ratings[^1].Rating : null;
}

/// <summary>A mentee's goals, grouped by horizon; <see cref="CanEdit"/> only on the mentee's own page.</summary>
public sealed record GoalListViewModel(IReadOnlyList<GoalRow> Goals, bool CanEdit)
{
    public static IReadOnlyList<GoalHorizon> Horizons { get; } = [GoalHorizon.ShortTerm, GoalHorizon.MediumTerm, GoalHorizon.LongTerm];

    public IEnumerable<GoalRow> In(GoalHorizon horizon) => Goals.Where(g => g.Horizon == horizon);
}

public sealed record MyGoalsViewModel(GoalListViewModel Goals, AddGoalForm Form);

public sealed record PairingGoalsViewModel(string MenteeName, string MentorName, bool ViewerIsMentee, GoalListViewModel Goals);

public sealed record EditGoalViewModel(int Id, GoalHorizon Horizon, IReadOnlyList<RatingRow> History, EditGoalForm Form);

public sealed class AddGoalForm
{
    [Required(ErrorMessage = "Choose when you hope to reach the goal.")]
    public GoalHorizon? Horizon { get; set; }

    [Required(ErrorMessage = "Enter your goal.")]
    [StringLength(Goal.MaxDescriptionLength, ErrorMessage = "Keep your goal to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Choose where you stand now, from 1 to 5.")]
    [Range(1, 5, ErrorMessage = "Choose where you stand now, from 1 to 5.")]
    public int? StartRating { get; set; }
}

public sealed class EditGoalForm
{
    [Required(ErrorMessage = "Enter your goal.")]
    [StringLength(Goal.MaxDescriptionLength, ErrorMessage = "Keep your goal to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Choose whether the goal is open, achieved or dropped.")]
    public GoalStatus? Status { get; set; }

    [Required(ErrorMessage = "Choose where you stand now, from 1 to 5.")]
    [Range(1, 5, ErrorMessage = "Choose where you stand now, from 1 to 5.")]
    public int? Rating { get; set; }
}
