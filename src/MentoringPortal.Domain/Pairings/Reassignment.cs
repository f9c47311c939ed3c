namespace MentoringPortal.Domain.Pairings;

/// <summary>The outcome of a reassignment: the pairing that ended, the one that started, and the change requests it answered.</summary>
public sealed record Reassignment(Pairing Ended, Pairing Started, IReadOnlyList<ChangeRequest> RequestsAnswered);
