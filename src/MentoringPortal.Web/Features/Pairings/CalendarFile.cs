using System.Globalization;
using System.Text;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>
/// A meeting as an RFC 5545 calendar file. It carries only what a calendar needs: "Mentoring meeting",
/// the time and the place. Never notes, agreed actions, goals, names or the programme: calendars are
/// shared, synced and shown on lock screens.
/// </summary>
public static class CalendarFile
{
    public const string ContentType = "text/calendar";

    private const int MaxLineOctets = 75;

    public static string FileName(int meetingId) => $"mentoring-meeting-{meetingId}.ics";

    public static string For(Meeting meeting, DateTime now) =>
        Build(meeting.Id, meeting.StartsAt, meeting.EndsAt, meeting.Location ?? meeting.Mode.Describe(), meeting.Version, now);

    public static string Build(int meetingId, DateTime startsAtUtc, DateTime endsAtUtc, string location, int sequence, DateTime now)
    {
        var lines = new[]
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Mentoring portal//Meetings//EN",
            "CALSCALE:GREGORIAN",
            "BEGIN:VEVENT",
            $"UID:meeting-{meetingId.ToString(CultureInfo.InvariantCulture)}@mentoring-portal",
            "DTSTAMP:" + Utc(now),
            "DTSTART:" + Utc(startsAtUtc),
            "DTEND:" + Utc(endsAtUtc),
            "SEQUENCE:" + sequence.ToString(CultureInfo.InvariantCulture),
            "SUMMARY:Mentoring meeting",
            "LOCATION:" + Escape(location),
            "END:VEVENT",
            "END:VCALENDAR",
        };
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, text);
        }

        return text.ToString();
    }

    /// <summary>TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    private static string Utc(DateTime value) =>
        DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1), never inside a character.</summary>
    private static void Fold(string line, StringBuilder output)
    {
        var octets = 0;
        var limit = MaxLineOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = MaxLineOctets - 1;
            }

            output.Append(line, i, length);
            octets += size;
            i += length - 1;
        }

        output.Append("\r\n");
    }
}
