namespace MentoringPortal.Web.Features.Admin;

/// <summary>
/// A programme's load. Free places are counted over the programme's approved mentors; a mentor in
/// two programmes offers the same places to both, so they are not added up across programmes.
/// </summary>
public sealed record ProgrammeLoad(string Name, int ActivePairings, int FreePlaces, int Overdue, int ApplicationsWaiting, string? CohortUrl = null);

public sealed record WaitingApplicationRow(int Id, string Applicant, string Programme, DateTime SubmittedAt);

/// <summary>Facts about a pairing, never its content: no notes, no goals, no messages.</summary>
public sealed record PairingFacts(
    int Id,
    int ProgrammeId,
    string Programme,
    string Mentor,
    string Mentee,
    DateTime StartedAt,
    int MeetingsHeld,
    DateTime? LastMeeting,
    bool Overdue);

public sealed record ChangeRequestRow(int Id, PairingFacts Pairing, string RequestedBy, DateTime RequestedAt, string Reason);

public sealed record ExpiredRequestsRow(int MentorId, string Mentor, int Expired, DateTime LastExpiredAt);

public sealed record AdminHomeViewModel(
    IReadOnlyList<ProgrammeLoad> Programmes,
    IReadOnlyList<WaitingApplicationRow> Applications,
    int MentorSignUpsWaiting,
    int MentorTrainingDue,
    IReadOnlyList<ChangeRequestRow> ChangeRequests,
    IReadOnlyList<PairingFacts> Overdue,
    IReadOnlyList<ExpiredRequestsRow> ExpiredRequests);
