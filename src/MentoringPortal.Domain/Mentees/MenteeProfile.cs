namespace MentoringPortal.Domain.Mentees;

/// <summary>What a trainee tells the scheme and their mentor about themselves.</summary>
public sealed record MenteeProfile(
    string DisplayName,
    string Specialty,
    string Grade,
    string Region,
    string Background,
    string? Organisation);
