namespace MentoringPortal.Domain.Mentors;

/// <summary>What a mentor tells prospective mentees about themselves.</summary>
public sealed record MentorProfile(
    string DisplayName,
    string Specialty,
    string Grade,
    string Region,
    string Background,
    string? Organisation,
    string Expertise,
    string Bio,
    MeetingModes MeetingModes);
