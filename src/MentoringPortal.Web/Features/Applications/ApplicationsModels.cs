using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;

namespace MentoringPortal.Web.Features.Applications;

public sealed class ApplicationForm
{
    [StringLength(Goal.MaxDescriptionLength, ErrorMessage = "Keep each goal to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? ShortTermGoal { get; set; }

    [StringLength(Goal.MaxDescriptionLength, ErrorMessage = "Keep each goal to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? MediumTermGoal { get; set; }

    [StringLength(Goal.MaxDescriptionLength, ErrorMessage = "Keep each goal to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? LongTermGoal { get; set; }

    [Required(ErrorMessage = "Tell the scheme what you hope to gain from mentoring.")]
    [StringLength(MenteeApplication.MaxStatementLength, ErrorMessage = "Keep it to 2,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Statement { get; set; }

    public IList<MeetingModes> PreferredModes { get; set; } = [];

    public bool AvoidOwnOrganisation { get; set; }

    [StringLength(MenteeApplication.MaxConflictsLength, ErrorMessage = "Keep the list to 1,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Conflicts { get; set; }

    public string? GoalFor(GoalHorizon horizon) => horizon switch
    {
        GoalHorizon.ShortTerm => ShortTermGoal,
        GoalHorizon.MediumTerm => MediumTermGoal,
        _ => LongTermGoal,
    };

    public ApplicationChoices ToChoices() => new(Statement, Conflicts, AvoidOwnOrganisation,
        PreferredModes.Where(m => MeetingModesText.Each.Contains(m)).Aggregate(MeetingModes.None, (all, mode) => all | mode));

    /// <summary>The form as it first appears: the goal of each horizon that a save would edit, when it is still open.</summary>
    public static ApplicationForm For(Mentee mentee)
    {
        string? OpenGoal(GoalHorizon horizon) => ApplicationGoals.Editable(mentee, horizon) is { Status: GoalStatus.Open } goal
            ? goal.Description
            : null;

        return new ApplicationForm
        {
            ShortTermGoal = OpenGoal(GoalHorizon.ShortTerm),
            MediumTermGoal = OpenGoal(GoalHorizon.MediumTerm),
            LongTermGoal = OpenGoal(GoalHorizon.LongTerm),
        };
    }

    public static string FieldFor(GoalHorizon horizon) => horizon switch
    {
        GoalHorizon.ShortTerm => nameof(ShortTermGoal),
        GoalHorizon.MediumTerm => nameof(MediumTermGoal),
        _ => nameof(LongTermGoal),
    };
}

public static class ApplicationGoals
{
    public static IReadOnlyList<GoalHorizon> Horizons { get; } = [GoalHorizon.ShortTerm, GoalHorizon.MediumTerm, GoalHorizon.LongTerm];

    /// <summary>The goal <see cref="Mentee.SetGoal"/> edits for a horizon: the first one written.</summary>
    public static Goal? Editable(Mentee mentee, GoalHorizon horizon) =>
        mentee.Goals.Where(g => g.Horizon == horizon).OrderBy(g => g.CreatedAt).FirstOrDefault();
}

/// <summary>Why the form cannot be shown, in words for the mentee, with where to go instead.</summary>
public sealed record CannotApply(string Text, string LinkUrl, string LinkText);

public sealed record ApplyViewModel(
    string ProgrammeSlug,
    string ProgrammeName,
    string ProgrammeSummary,
    string? Organisation,
    CannotApply? CannotApply,
    ApplicationForm Form);

public sealed record WithdrawViewModel(int Id, string ProgrammeName, DateTime SubmittedAt);

/// <summary>One of the mentee's applications, as the status list on /me shows it.</summary>
public sealed record MyApplication(
    int Id,
    string Programme,
    ApplicationStatus Status,
    DateTime SubmittedAt,
    DateTime? DecidedAt,
    string? DecisionMessage,
    string? MentorName,
    int? PairingId,
    DateTime? ProposalAnswerBy = null);

public sealed record OpenProgramme(string Slug, string Name);

public sealed record ApplicationsStatusViewModel(IReadOnlyList<MyApplication> Applications, IReadOnlyList<OpenProgramme> CanApplyTo);
