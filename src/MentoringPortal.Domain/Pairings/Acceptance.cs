using MentoringPortal.Domain.Requests;

namespace MentoringPortal.Domain.Pairings;

/// <summary>The outcome of a mentor accepting a request: the new pairing, and the trainee's other requests that were withdrawn.</summary>
public sealed record Acceptance(Pairing Pairing, IReadOnlyList<ContactRequest> Withdrawn);
