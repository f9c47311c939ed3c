using System.Globalization;

namespace MentoringPortal.Domain.Records;

/// <summary>A held meeting, by the UK date it was held on and its length.</summary>
public sealed record HeldMeeting(DateOnly HeldOn, int DurationMinutes);

/// <summary>What the record needs to know about one of the mentor's pairings. Dates are UK dates.</summary>
public sealed record PairingFacts(
    string Programme,
    string MenteeName,
    bool MenteeAgreedToBeNamed,
    DateOnly StartedOn,
    DateOnly? EndedOn,
    IReadOnlyList<HeldMeeting> Meetings);

public sealed record RecordPairing(string Mentee, string Programme, string Months, int MeetingsHeld, int Minutes)
{
    public string Hours => MentoringRecord.DescribeMinutes(Minutes);
}

public sealed record RecordTotals(int Pairings, int MeetingsHeld, int Minutes)
{
    public string Hours => MentoringRecord.DescribeMinutes(Minutes);
}

/// <summary>
/// A mentor's activity over a period, for appraisal: each pairing that was active in the period
/// with the meetings held within it, and the totals. A mentee is named only when they agreed;
/// otherwise they are "Mentee 1", "Mentee 2"… in the order their pairings started.
/// </summary>
public sealed class MentoringRecord
{
    private MentoringRecord(RecordPeriod period, IReadOnlyList<RecordPairing> pairings)
    {
        Period = period;
        Pairings = pairings;
        Totals = new RecordTotals(pairings.Count, pairings.Sum(p => p.MeetingsHeld), pairings.Sum(p => p.Minutes));
    }

    public RecordPeriod Period { get; }

    public IReadOnlyList<RecordPairing> Pairings { get; }

    public RecordTotals Totals { get; }

    public static MentoringRecord Build(RecordPeriod period, IEnumerable<PairingFacts> pairings)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(pairings);
        var unnamed = 0;
        var rows = new List<RecordPairing>();
        foreach (var pairing in pairings.Where(p => period.Overlaps(p.StartedOn, p.EndedOn)).OrderBy(p => p.StartedOn))
        {
            var meetings = pairing.Meetings.Where(m => period.Contains(m.HeldOn)).ToList();
            var mentee = pairing.MenteeAgreedToBeNamed
                ? pairing.MenteeName
                : string.Create(CultureInfo.InvariantCulture, $"Mentee {++unnamed}");
            rows.Add(new RecordPairing(mentee, pairing.Programme, Months(pairing.StartedOn, pairing.EndedOn), meetings.Count,
                meetings.Sum(m => m.DurationMinutes)));
        }

        return new MentoringRecord(period, rows);
    }

    /// <summary>"March 2026 – ongoing", or "March 2026 – June 2026".</summary>
    public static string Months(DateOnly startedOn, DateOnly? endedOn) =>
        string.Create(CultureInfo.InvariantCulture, $"{startedOn:MMMM yyyy} – {(endedOn is { } ended ? ended.ToString("MMMM yyyy", CultureInfo.InvariantCulture) : "ongoing")}");

    /// <summary>"4 hours 30 minutes", "1 hour", "45 minutes", "none".</summary>
    public static string DescribeMinutes(int minutes)
    {
        if (minutes <= 0)
        {
            return "none";
        }

        var hours = minutes / 60;
        var rest = minutes % 60;
        var hourText = hours switch { 0 => null, 1 => "1 hour", _ => string.Create(CultureInfo.InvariantCulture, $"{hours} hours") };
        var minuteText = rest switch { 0 => null, 1 => "1 minute", _ => string.Create(CultureInfo.InvariantCulture, $"{rest} minutes") };
        return string.Join(' ', new[] { hourText, minuteText }.OfType<string>());
    }
}
