using System.ComponentModel.DataAnnotations;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.Web.Features.Admin.Programmes;

public sealed record ProgrammeRow(int Id, string Name, MatchingMode MatchingMode, bool OpenForApplications, int MeetingCadenceWeeks,
    int EvaluationPointMonths, int? TrainingValidityMonths, int Mentors, int Mentees, int ActivePairings);

public sealed record ProgrammesViewModel(IReadOnlyList<ProgrammeRow> Programmes, bool CanCreate);

/// <summary>The programme form; <see cref="ProgrammeId"/> is null for a new programme.</summary>
public sealed record ProgrammeEditViewModel(int? ProgrammeId, string? Slug, string? SavedName, ProgrammeForm Form)
{
    public bool IsNew => ProgrammeId is null;
}

public sealed class ProgrammeForm
{
    [Required(ErrorMessage = "Enter the programme's name.")]
    [StringLength(120, ErrorMessage = "Keep the name to 120 characters or fewer.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Enter a summary.")]
    [StringLength(2000, ErrorMessage = "Keep the summary to 2,000 characters or fewer.")]
    [DataType(DataType.MultilineText)]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Choose how mentees and mentors are matched.")]
    public MatchingMode? MatchingMode { get; set; }

    [Required(ErrorMessage = "Enter how often pairs should meet, in weeks.")]
    [Range(1, 52, ErrorMessage = "The meeting cadence must be between 1 and 52 weeks.")]
    public int? MeetingCadenceWeeks { get; set; }

    [Required(ErrorMessage = "Enter when pairings are evaluated, in months.")]
    [Range(1, 36, ErrorMessage = "The evaluation point must be between 1 and 36 months.")]
    public int? EvaluationPointMonths { get; set; }

    public bool OpenForApplications { get; set; }

    [Required(ErrorMessage = "Enter how many days a mentor has to answer a proposal.")]
    [Range(1, Programme.MaxProposalAnswerDays, ErrorMessage = "The days a mentor has to answer a proposal must be between 1 and 30.")]
    public int? ProposalAnswerDays { get; set; }

    [Range(1, 120, ErrorMessage = "Training must stay valid for between 1 and 120 months, or leave it empty if it never expires.")]
    public int? TrainingValidityMonths { get; set; }

    [Required(ErrorMessage = "Enter a weight from 0 to 10 for expertise.")]
    [Range(0, MatchingWeights.Max, ErrorMessage = "The weight for expertise must be between 0 and 10.")]
    public int? Expertise { get; set; }

    [Required(ErrorMessage = "Enter a weight from 0 to 10 for a different background.")]
    [Range(0, MatchingWeights.Max, ErrorMessage = "The weight for a different background must be between 0 and 10.")]
    public int? DifferentBackground { get; set; }

    [Required(ErrorMessage = "Enter a weight from 0 to 10 for the same region.")]
    [Range(0, MatchingWeights.Max, ErrorMessage = "The weight for the same region must be between 0 and 10.")]
    public int? SameRegion { get; set; }

    [Required(ErrorMessage = "Enter a weight from 0 to 10 for a shared way of meeting.")]
    [Range(0, MatchingWeights.Max, ErrorMessage = "The weight for a shared way of meeting must be between 0 and 10.")]
    public int? MeetingMode { get; set; }

    [Required(ErrorMessage = "Enter a weight from 0 to 10 for free places.")]
    [Range(0, MatchingWeights.Max, ErrorMessage = "The weight for free places must be between 0 and 10.")]
    public int? FreePlaces { get; set; }

    [Required(ErrorMessage = "Enter the minimum score for cohort matching, from 0 to 500.")]
    [Range(0, Programme.HighestMinimumMatchScore, ErrorMessage = "The minimum score must be between 0 and 500.")]
    public int? MinimumMatchScore { get; set; }

    /// <summary>The key of the weights fieldset, for an error about the weights as a whole.</summary>
    public const string WeightsKey = "Weights";

    /// <summary>The integer fields and what to say when the text typed is not a whole number.</summary>
    public static IReadOnlyDictionary<string, string> NumberFields { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [nameof(MeetingCadenceWeeks)] = "Enter the meeting cadence as a whole number of weeks.",
        [nameof(EvaluationPointMonths)] = "Enter the evaluation point as a whole number of months.",
        [nameof(ProposalAnswerDays)] = "Enter the days a mentor has to answer a proposal as a whole number from 1 to 30.",
        [nameof(TrainingValidityMonths)] = "Enter how long the mentor course stays valid as a whole number of months, or leave it empty.",
        [nameof(Expertise)] = "Enter a whole number from 0 to 10 for expertise.",
        [nameof(DifferentBackground)] = "Enter a whole number from 0 to 10 for a different background.",
        [nameof(SameRegion)] = "Enter a whole number from 0 to 10 for the same region.",
        [nameof(MeetingMode)] = "Enter a whole number from 0 to 10 for a shared way of meeting.",
        [nameof(FreePlaces)] = "Enter a whole number from 0 to 10 for free places.",
        [nameof(MinimumMatchScore)] = "Enter the minimum score as a whole number from 0 to 500.",
    };

    public static ProgrammeForm NewWithDefaults()
    {
        var weights = MatchingWeights.Default;
        return new ProgrammeForm
        {
            MatchingMode = Domain.Programmes.MatchingMode.MenteeChooses,
            MeetingCadenceWeeks = Programme.DefaultMeetingCadenceWeeks,
            EvaluationPointMonths = Programme.DefaultEvaluationPointMonths,
            OpenForApplications = true,
            ProposalAnswerDays = Programme.DefaultProposalAnswerDays,
            Expertise = weights.Expertise,
            DifferentBackground = weights.DifferentBackground,
            SameRegion = weights.SameRegion,
            MeetingMode = weights.MeetingMode,
            FreePlaces = weights.FreePlaces,
            MinimumMatchScore = Programme.DefaultMinimumMatchScore,
        };
    }

    public static ProgrammeForm From(Programme programme) => new()
    {
        Name = programme.Name,
        Summary = programme.Summary,
        MatchingMode = programme.MatchingMode,
        MeetingCadenceWeeks = programme.MeetingCadenceWeeks,
        EvaluationPointMonths = programme.EvaluationPointMonths,
        OpenForApplications = programme.OpenForApplications,
        ProposalAnswerDays = programme.ProposalAnswerDays,
        TrainingValidityMonths = programme.TrainingValidityMonths,
        Expertise = programme.Weights.Expertise,
        DifferentBackground = programme.Weights.DifferentBackground,
        SameRegion = programme.Weights.SameRegion,
        MeetingMode = programme.Weights.MeetingMode,
        FreePlaces = programme.Weights.FreePlaces,
        MinimumMatchScore = programme.MinimumMatchScore,
    };

    /// <summary>Only call once the form is valid: every required value is there.</summary>
    public MatchingWeights ToWeights() => new(Expertise!.Value, DifferentBackground!.Value, SameRegion!.Value, MeetingMode!.Value, FreePlaces!.Value);
}

/// <summary>Programme settings in words, for the audit log's before and after.</summary>
public static class ProgrammeText
{
    public static string Describe(MatchingMode mode) => mode switch
    {
        MatchingMode.MenteeChooses => "Mentees choose from the directory",
        MatchingMode.SchemeMatches => "The scheme matches applicants",
        _ => mode.ToString(),
    };

    public static string TrainingValidity(int? months) => months is { } m ? $"valid for {m} months" : "never expires";

    public static string Settings(Programme programme) =>
        $"{programme.Name}: {Describe(programme.MatchingMode).ToLowerInvariant()}, cadence {programme.MeetingCadenceWeeks} weeks, "
        + $"evaluation at {programme.EvaluationPointMonths} months, {(programme.OpenForApplications ? "open" : "closed")} for applications, "
        + $"mentor course {TrainingValidity(programme.TrainingValidityMonths)}, mentors answer proposals within {programme.ProposalAnswerDays} days";

    public static string Weights(MatchingWeights weights) =>
        $"Expertise {weights.Expertise}, Different background {weights.DifferentBackground}, Same region {weights.SameRegion}, "
        + $"Meeting mode {weights.MeetingMode}, Free places {weights.FreePlaces}";

    /// <summary>Settings plus the summary when it changed, kept within the audit log's column.</summary>
    public static string WithSummary(string settings, string summary)
    {
        var text = $"{settings}; summary: {summary}";
        return text.Length <= 2000 ? text : text[..1999] + "…";
    }
}
