using System.Globalization;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Web.Email;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>What the meeting pages and the meeting workflows share: links, the place, each member and the calendar part.</summary>
internal static class MeetingParts
{
    public static string PairingPath(int id) => "/pairings/" + id.ToString(CultureInfo.InvariantCulture);

    public static string Where(Meeting meeting) =>
        meeting.Location is null ? meeting.Mode.Describe() : $"{meeting.Mode.Describe()}, {meeting.Location}";

    public static bool IsUser(string? memberId, string userId) => string.Equals(memberId, userId, StringComparison.Ordinal);

    public static bool IsMentor(Pairing pairing, string userId) => IsUser(pairing.Mentor?.UserId, userId);

    public static string OtherName(Pairing pairing, string userId) =>
        IsMentor(pairing, userId) ? pairing.Mentee!.DisplayName : pairing.Mentor!.DisplayName;

    /// <summary>Each member with their name and the other member's name.</summary>
    public static IEnumerable<(string? UserId, string Name, string OtherName)> Members(Pairing pairing) =>
    [
        (pairing.Mentor!.UserId, pairing.Mentor.DisplayName, pairing.Mentee!.DisplayName),
        (pairing.Mentee.UserId, pairing.Mentee.DisplayName, pairing.Mentor.DisplayName),
    ];

    public static MeetingCalendar Invitation(Meeting meeting, EmailOptions options, Recipient to, DateTime now) =>
        CalendarFile.Invitation(meeting, options.GetFromMailbox().Address, to.Email, now);
}
