using MentoringPortal.Domain.Records;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Pairings;

namespace MentoringPortal.Web.Features.MentoringRecords;

public abstract record IssueOutcome
{
    public sealed record Issued(string Code) : IssueOutcome;

    public sealed record NotAMentor : IssueOutcome;

    public sealed record UnknownPeriod : IssueOutcome;
}

/// <summary>
/// Issues a mentor's record for a period: stores its snapshot with a new verification code and
/// audits it, in one unit. The snapshot keeps the totals only, so an appraiser who checks the code
/// learns nothing about the mentees.
/// </summary>
public sealed class IssueMentoringRecord(PortalDbContext db, MentorActivityReader reader, TimeProvider time)
{
    public Task<IssueOutcome> RunAsync(string userId, string? periodKey, CancellationToken cancellationToken) =>
        db.InOneUnitAsync<IssueOutcome>(async unit =>
        {
            var activity = await reader.ReadAsync(userId, unit);
            if (activity is null)
            {
                return new IssueOutcome.NotAMentor();
            }

            var now = time.GetUtcNow().UtcDateTime;
            var period = RecordPeriod.For(periodKey, UkTime.Today(now));
            if (period is null)
            {
                return new IssueOutcome.UnknownPeriod();
            }

            var record = MentoringRecord.Build(period, activity.Pairings);
            var issued = new IssuedRecord(activity.MentorId, activity.MentorName, record, VerificationCode.New(), now);
            await db.IssuedRecords.AddAsync(issued, unit);
            var totals = record.Totals;
            db.AuditEntries.Add(new AuditEntry(userId, AuditActions.MentoringRecordIssued, activity.MentorName, null,
                $"{period.Label}: {totals.Pairings} pairings, {totals.MeetingsHeld} meetings held, {totals.Hours}", now, activity.FirstProgrammeId));
            await db.SaveChangesAsync(unit);
            return new IssueOutcome.Issued(issued.Code);
        }, cancellationToken);
}
