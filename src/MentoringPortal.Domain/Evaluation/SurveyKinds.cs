namespace MentoringPortal.Domain.Evaluation;

public enum SurveyKind
{
    /// <summary>At the programme's evaluation point, while the pairing runs.</summary>
    Evaluation = 0,

    /// <summary>When a pairing ends or is reassigned.</summary>
    Exit = 1,
}

public enum SurveyRespondent
{
    Mentee = 0,
    Mentor = 1,
}

/// <summary>The benefits a scheme measures, each rated 1–5.</summary>
public enum Benefit
{
    Knowledge = 0,
    Performance = 1,
    ProblemSolving = 2,
    Confidence = 3,
    Leadership = 4,
    Network = 5,
}

public enum Recommendation
{
    Yes = 0,
    NotSure = 1,
    No = 2,
}

/// <summary>Why a pairing ended, as the person answering the exit survey sees it.</summary>
public enum ExitReason
{
    GoalsMet = 0,
    NotWorkingWell = 1,
    HardToFindTime = 2,
    CircumstancesChanged = 3,
    Other = 4,
}

public static class SurveyWording
{
    public static string Describe(this Benefit benefit) => benefit switch
    {
        Benefit.Knowledge => "Knowledge and experience in the field",
        Benefit.Performance => "Performance and potential",
        Benefit.ProblemSolving => "Problem solving",
        Benefit.Confidence => "Confidence",
        Benefit.Leadership => "Leadership skills",
        _ => "Professional network and influence",
    };

    public static string Describe(this Recommendation recommendation) => recommendation switch
    {
        Recommendation.Yes => "Yes",
        Recommendation.NotSure => "Not sure",
        _ => "No",
    };

    public static string Describe(this ExitReason reason) => reason switch
    {
        ExitReason.GoalsMet => "The goals were met",
        ExitReason.NotWorkingWell => "The pairing was not working well",
        ExitReason.HardToFindTime => "It was hard to find time to meet",
        ExitReason.CircumstancesChanged => "Circumstances changed",
        _ => "Another reason",
    };

    public static string Describe(this SurveyRespondent respondent) => respondent == SurveyRespondent.Mentee ? "Mentees" : "Mentors";

    public static string Describe(this SurveyKind kind) => kind == SurveyKind.Evaluation ? "Evaluation survey" : "Exit survey";
}
