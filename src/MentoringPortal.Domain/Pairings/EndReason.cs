namespace MentoringPortal.Domain.Pairings;

public enum EndReason
{
    GoalsMet = 0,
    NoLongerNeeded = 1,
    Other = 2,

    /// <summary>The scheme moved the mentee to another mentor: no fault on either side.</summary>
    Reassigned = 3,

    EndedByScheme = 4,
}

public static class EndReasonText
{
    /// <summary>The reasons a member can choose when ending a pairing themselves.</summary>
    public static IReadOnlyList<EndReason> ForMembers { get; } = [EndReason.GoalsMet, EndReason.NoLongerNeeded, EndReason.Other];

    public static string Describe(this EndReason reason) => reason switch
    {
        EndReason.GoalsMet => "The goals have been met",
        EndReason.NoLongerNeeded => "Mentoring is no longer needed",
        EndReason.Reassigned => "Moved to another mentor by the scheme",
        EndReason.EndedByScheme => "Ended by the scheme",
        _ => "Another reason",
    };
}
