namespace MentoringPortal.Domain.Requests;

public enum DeclineReason
{
    NoPlaceNow = 0,
    NotTheRightFit = 1,
    UnavailableForAWhile = 2,
    ConflictOfInterest = 3,
    Other = 4,
}

public static class DeclineReasonText
{
    public static IReadOnlyList<DeclineReason> All { get; } = Enum.GetValues<DeclineReason>();

    /// <summary>How the mentor picks the reason.</summary>
    public static string ForMentor(this DeclineReason reason) => reason switch
    {
        DeclineReason.NoPlaceNow => "I have no place free right now",
        DeclineReason.NotTheRightFit => "My experience is not the best fit for what they are looking for",
        DeclineReason.UnavailableForAWhile => "I am not available for the next few months",
        DeclineReason.ConflictOfInterest => "I have a conflict of interest (for example, we work together)",
        _ => "Another reason",
    };

    /// <summary>How the trainee is told, as the end of "They cannot take you on …": kindly, never as a judgement of them.</summary>
    public static string ForMentee(this DeclineReason reason) => reason switch
    {
        DeclineReason.NoPlaceNow => "because they have no place free at the moment",
        DeclineReason.NotTheRightFit => "because they feel another mentor's experience would suit your goals better",
        DeclineReason.UnavailableForAWhile => "because they are not available for the next few months",
        DeclineReason.ConflictOfInterest => "because they have a conflict of interest, so another mentor will serve you better",
        _ => "at the moment",
    };
}
