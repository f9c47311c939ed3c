namespace MentoringPortal.Domain.Mentorships;

/// <summary>The outcome of a reassignment: the pairing that ended, the one that started, and the change requests it answered.</summary>
public sealed record Reassignment(Mentorship Ended, Mentorship Started, IReadOnlyList<ChangeRequest> RequestsAnswered);
