namespace MentoringPortal.Domain.Mentees;

public enum GoalHorizon
{
    ShortTerm = 0,
    MediumTerm = 1,
    LongTerm = 2,
}

public static class GoalHorizonText
{
    public static string Describe(this GoalHorizon horizon) => horizon switch
    {
        GoalHorizon.ShortTerm => "Short term (next 3 months)",
        GoalHorizon.MediumTerm => "Medium term (next year)",
        _ => "Long term (2 to 5 years)",
    };
}
