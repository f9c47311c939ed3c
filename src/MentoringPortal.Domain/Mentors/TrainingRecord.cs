namespace MentoringPortal.Domain.Mentors;

/// <summary>One piece of training a mentor has done, as recorded by the scheme. Kept as history.</summary>
public sealed class TrainingRecord
{
    public const int MaxCourseLength = 150;

    private TrainingRecord()
    {
        Course = string.Empty;
    }

    internal TrainingRecord(string course, bool isSchemeCourse, DateOnly completedOn, DateOnly? expiresOn, string? recordedByUserId, DateTime now)
    {
        Course = Guard.Text(course, "the course's name", MaxCourseLength);
        IsSchemeCourse = isSchemeCourse;
        CompletedOn = completedOn;
        ExpiresOn = expiresOn;
        RecordedByUserId = recordedByUserId;
        RecordedAt = Guard.Utc(now);
    }

    public int Id { get; private set; }

    public int MentorId { get; private set; }

    public string Course { get; private set; }

    /// <summary>The scheme's own mentor course (the 2-day course), which a mentor needs to be listed.</summary>
    public bool IsSchemeCourse { get; private set; }

    public DateOnly CompletedOn { get; private set; }

    public DateOnly? ExpiresOn { get; private set; }

    public string? RecordedByUserId { get; private set; }

    public DateTime RecordedAt { get; private set; }
}
