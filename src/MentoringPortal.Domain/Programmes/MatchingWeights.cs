namespace MentoringPortal.Domain.Programmes;

/// <summary>
/// How much each kind of fit counts when the scheme ranks mentors for a mentee, 0 (ignored) to
/// <see cref="Max"/>. Each programme keeps its own, visible and editable by its administrators.
/// </summary>
public sealed record MatchingWeights
{
    public const int Max = 10;

    /// <summary>A different background is often the most powerful choice, so it counts most by default.</summary>
    public static MatchingWeights Default { get; } = new(expertise: 4, differentBackground: 5, sameRegion: 2, meetingMode: 2, freePlaces: 1);

    public MatchingWeights(int expertise, int differentBackground, int sameRegion, int meetingMode, int freePlaces)
    {
        Expertise = Checked(expertise, "expertise matching the goals");
        DifferentBackground = Checked(differentBackground, "a different background");
        SameRegion = Checked(sameRegion, "the same region");
        MeetingMode = Checked(meetingMode, "a shared way of meeting");
        FreePlaces = Checked(freePlaces, "free places");
        if (Total == 0)
        {
            throw new DomainRuleException("Give at least one kind of fit a weight above 0.");
        }
    }

    public int Expertise { get; private init; }

    public int DifferentBackground { get; private init; }

    public int SameRegion { get; private init; }

    public int MeetingMode { get; private init; }

    public int FreePlaces { get; private init; }

    public int Total => Expertise + DifferentBackground + SameRegion + MeetingMode + FreePlaces;

    private static int Checked(int weight, string what) =>
        weight is >= 0 and <= Max ? weight : throw new DomainRuleException($"The weight for {what} must be between 0 and {Max}.");
}
