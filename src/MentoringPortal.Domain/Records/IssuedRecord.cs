namespace MentoringPortal.Domain.Records;

/// <summary>
/// A snapshot of a mentoring record as it was issued, so an appraiser can check it later with its
/// code. It holds the mentor's name and the totals only, never a mentee's name. Kept until the
/// mentor's account is erased.
/// </summary>
public sealed class IssuedRecord
{
    public const int MaxNameLength = 200;

    private IssuedRecord()
    {
        Code = MentorName = PeriodLabel = string.Empty;
    }

    public IssuedRecord(int mentorId, string mentorName, MentoringRecord record, string code, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(record);
        MentorId = mentorId;
        MentorName = mentorName;
        Code = VerificationCode.Normalise(code) ?? throw new ArgumentException("Not a verification code.", nameof(code));
        PeriodFrom = record.Period.From;
        PeriodTo = record.Period.To;
        PeriodLabel = record.Period.Label;
        Pairings = record.Totals.Pairings;
        MeetingsHeld = record.Totals.MeetingsHeld;
        MeetingMinutes = record.Totals.Minutes;
        IssuedAt = Guard.Utc(now);
    }

    public int Id { get; private set; }

    /// <summary>The code without its hyphens; see <see cref="VerificationCode"/>.</summary>
    public string Code { get; private set; }

    public int MentorId { get; private set; }

    public string MentorName { get; private set; }

    public DateOnly? PeriodFrom { get; private set; }

    public DateOnly PeriodTo { get; private set; }

    public string PeriodLabel { get; private set; }

    public int Pairings { get; private set; }

    public int MeetingsHeld { get; private set; }

    public int MeetingMinutes { get; private set; }

    public DateTime IssuedAt { get; private set; }

    public string Hours => MentoringRecord.DescribeMinutes(MeetingMinutes);
}
