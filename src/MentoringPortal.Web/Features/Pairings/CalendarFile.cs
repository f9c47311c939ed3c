using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Web.Email;

namespace MentoringPortal.Web.Features.Pairings;

/// <summary>
/// A meeting as an RFC 5545 calendar, written by Ical.Net. It carries only what a calendar needs: "Mentoring
/// meeting", the time and the place. Never notes, agreed actions, goals, names or the programme: calendars
/// are shared, synced and shown on lock screens. Each meeting keeps one UID, and its SEQUENCE is the
/// meeting's version, which every change raises, so a calendar replaces the event it already holds.
/// </summary>
public static class CalendarFile
{
    public const string MediaType = "text/calendar";

    public const string ProductId = "-//Mentoring portal//Meetings//EN";

    public static string FileName(int meetingId) => $"mentoring-meeting-{meetingId.ToString(CultureInfo.InvariantCulture)}.ics";

    public static string Uid(int meetingId) => $"meeting-{meetingId.ToString(CultureInfo.InvariantCulture)}@mentoring-portal";

    /// <summary>
    /// For the email to one member (iTIP over email, RFC 6047): REQUEST for a planned or changed meeting,
    /// CANCEL once it is cancelled. The portal is the organiser and the member the only attendee: the
    /// other member's address is not theirs to pass on.
    /// </summary>
    public static MeetingCalendar Invitation(Meeting meeting, string organizerEmail, string attendeeEmail, DateTime now)
    {
        var method = meeting.Status == MeetingStatus.Cancelled ? CalendarMethods.Cancel : CalendarMethods.Request;
        return new MeetingCalendar(FileName(meeting.Id), $"{MediaType}; method={method}",
            Build(meeting, method, organizerEmail, attendeeEmail, now));
    }

    /// <summary>For the download: PUBLISH, a copy to add to one's own calendar, which asks nothing of anyone.</summary>
    public static MeetingCalendar Download(Meeting meeting, string organizerEmail, DateTime now) =>
        new(FileName(meeting.Id), $"{MediaType}; method={CalendarMethods.Publish}", Build(meeting, CalendarMethods.Publish, organizerEmail, null, now));

    private static string Build(Meeting meeting, string method, string organizerEmail, string? attendeeEmail, DateTime now)
    {
        var cancelled = meeting.Status == MeetingStatus.Cancelled;
        var meetingEvent = new CalendarEvent
        {
            Uid = Uid(meeting.Id),
            DtStamp = Utc(now),
            DtStart = Utc(meeting.StartsAt),
            DtEnd = Utc(meeting.EndsAt),
            Sequence = meeting.Version,
            Summary = "Mentoring meeting",
            Location = meeting.Location ?? meeting.Mode.Describe(),
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer("mailto:" + organizerEmail),
        };
        if (attendeeEmail is not null)
        {
            // RSVP=FALSE: the meeting was agreed in the portal, and a reply would reach nobody.
            meetingEvent.Attendees.Add(new Attendee("mailto:" + attendeeEmail) { Role = ParticipationRole.RequiredParticipant, Rsvp = false });
        }

        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = method };
        calendar.Events.Add(meetingEvent);
        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net wrote no calendar.");
    }

    private static CalDateTime Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), CalDateTime.UtcTzId);
}
