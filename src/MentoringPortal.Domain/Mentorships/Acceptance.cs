using MentoringPortal.Domain.Requests;

namespace MentoringPortal.Domain.Mentorships;

/// <summary>The outcome of a mentor accepting a request: the new pairing, and the trainee's other requests that were withdrawn.</summary>
public sealed record Acceptance(Mentorship Mentorship, IReadOnlyList<ContactRequest> Withdrawn);
