using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.UnitTests.Builders;
using MentoringPortal.Web.Features.Pairings;

namespace MentoringPortal.UnitTests.Pairings;

/// <summary>Meeting calendars written by Ical.Net and read back with it: one UID, a rising SEQUENCE, the iTIP method, nothing confidential.</summary>
public sealed class CalendarFileTests
{
    private const string Organizer = "noreply@mentoring.example.org";
    private const string MentorName = "Dr Priya Raman";
    private const string MenteeName = "Dr Sam Okafor";
    private const string ProgrammeName = "Return to Training";

    private readonly Meeting _meeting;

    public CalendarFileTests()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentor = new MentorBuilder().WithName(MentorName).InProgramme(programme).Build();
        var pairing = new MenteeBuilder().WithName(MenteeName).InProgramme(programme).Build().PairWith(mentor, programme, TestClock.Now).Pairing;
        _meeting = pairing.PlanMeeting(TestClock.Now.AddDays(7), 60, MeetingModes.FaceToFace, "Postgraduate centre, room 2; by the library").WithId(EntityIds.Next());
    }

    [Fact]
    public void Invitation_PlannedMeeting_IsARequestFromThePortalToTheRecipientOnly()
    {
        var file = CalendarFile.Invitation(_meeting, Organizer, "sam@example.org", TestClock.Now);

        Assert.Equal("text/calendar; method=REQUEST", file.ContentType);
        Assert.Equal($"mentoring-meeting-{_meeting.Id}.ics", file.FileName);
        var (calendar, meetingEvent) = Parse(file.Content);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(CalendarFile.ProductId, calendar.ProductId);
        Assert.Equal($"meeting-{_meeting.Id}@mentoring-portal", meetingEvent.Uid);
        Assert.Equal(_meeting.Version, meetingEvent.Sequence);
        Assert.Equal("CONFIRMED", meetingEvent.Status);
        Assert.Equal("Mentoring meeting", meetingEvent.Summary);
        Assert.Equal("Postgraduate centre, room 2; by the library", meetingEvent.Location);
        Assert.Equal(_meeting.StartsAt, meetingEvent.DtStart!.AsUtc);
        Assert.Equal(_meeting.EndsAt, meetingEvent.DtEnd!.AsUtc);
        Assert.True(meetingEvent.DtStart.IsUtc);
        Assert.Equal(new Uri("mailto:" + Organizer), meetingEvent.Organizer!.Value);
        Assert.Null(meetingEvent.Organizer.CommonName);
        var attendee = Assert.Single(meetingEvent.Attendees);
        Assert.Equal(new Uri("mailto:sam@example.org"), attendee.Value);
        Assert.False(attendee.Rsvp);
        Assert.Null(attendee.CommonName);
    }

    [Fact]
    public void Invitation_AfterEachChange_KeepsTheUid_AndRaisesTheSequence()
    {
        var planned = Parse(CalendarFile.Invitation(_meeting, Organizer, "sam@example.org", TestClock.Now).Content).Event;

        _meeting.Reschedule(_meeting.StartsAt.AddHours(2), 90, MeetingModes.Video, "Video link to follow");
        var moved = Parse(CalendarFile.Invitation(_meeting, Organizer, "sam@example.org", TestClock.Now.AddMinutes(5)).Content);

        _meeting.Cancel(TestClock.Now.AddMinutes(10));
        var cancelledFile = CalendarFile.Invitation(_meeting, Organizer, "sam@example.org", TestClock.Now.AddMinutes(10));
        var cancelled = Parse(cancelledFile.Content);

        Assert.Equal("REQUEST", moved.Calendar.Method);
        Assert.Equal(planned.Uid, moved.Event.Uid);
        Assert.True(moved.Event.Sequence > planned.Sequence);
        Assert.Equal(_meeting.StartsAt, moved.Event.DtStart!.AsUtc);
        Assert.Equal("text/calendar; method=CANCEL", cancelledFile.ContentType);
        Assert.Equal("CANCEL", cancelled.Calendar.Method);
        Assert.Equal("CANCELLED", cancelled.Event.Status);
        Assert.Equal(planned.Uid, cancelled.Event.Uid);
        Assert.True(cancelled.Event.Sequence > moved.Event.Sequence);
        Assert.Single(cancelled.Event.Attendees);
    }

    [Fact]
    public void Download_IsPublished_WithNoAttendee()
    {
        var file = CalendarFile.Download(_meeting, Organizer, TestClock.Now);

        Assert.Equal("text/calendar; method=PUBLISH", file.ContentType);
        var (calendar, meetingEvent) = Parse(file.Content);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Empty(meetingEvent.Attendees);
        Assert.Equal($"meeting-{_meeting.Id}@mentoring-portal", meetingEvent.Uid);
    }

    [Fact]
    public void Calendar_CarriesNothingConfidential()
    {
        _meeting.WriteNote("mentor-user", "Private: worried about the rota", TestClock.Now);
        _meeting.LogAsHeld("Agreed: ask for a supernumerary week", _meeting.StartsAt.AddMinutes(5));

        foreach (var content in new[]
        {
            CalendarFile.Invitation(_meeting, Organizer, "sam@example.org", TestClock.Now).Content,
            CalendarFile.Download(_meeting, Organizer, TestClock.Now).Content,
        })
        {
            foreach (var secret in new[] { "worried about the rota", "supernumerary", MentorName, MenteeName, ProgrammeName, "DESCRIPTION", "CN=" })
            {
                Assert.DoesNotContain(secret, content, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void Calendar_WithoutAPlace_SaysHowTheyMeet()
    {
        var programme = new ProgrammeBuilder().Build();
        var meeting = new MenteeBuilder().InProgramme(programme).Build().PairWith(new MentorBuilder().InProgramme(programme).Build(), programme, TestClock.Now).Pairing
            .PlanMeeting(TestClock.Now.AddDays(3), 30, MeetingModes.Phone, location: null).WithId(EntityIds.Next());

        Assert.Equal(MeetingModes.Phone.Describe(), Parse(CalendarFile.Download(meeting, Organizer, TestClock.Now).Content).Event.Location);
    }

    [Fact]
    public void LongUtf8Location_IsFoldedAt75Octets_NeverInsideACharacter_AndReadsBackWhole()
    {
        // Every position of the multi-byte characters against the fold, an emoji (two UTF-16 units) included.
        for (var padding = 0; padding < 12; padding++)
        {
            var place = new string('x', padding) + "Salle « Ōtautahi » — 2ᵉ étage, bâtiment Saint-Éloi, près de la bibliothèque 📚 et du café ☕, 🏥 entrée nord";
            _meeting.Reschedule(_meeting.StartsAt, 60, MeetingModes.FaceToFace, place);

            var content = CalendarFile.Download(_meeting, Organizer, TestClock.Now).Content;

            Assert.EndsWith("\r\n", content, StringComparison.Ordinal);
            foreach (var line in content[..^2].Split("\r\n"))
            {
                Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Longer than 75 octets: {line}");
                Assert.True(line.EnumerateRunes().All(r => r != Rune.ReplacementChar) && IsWellFormed(line), $"A character split by the fold: {line}");
            }

            Assert.Equal(place, Parse(content).Event.Location);
        }
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[++i])))
            {
                return false;
            }

            if (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            {
                return false;
            }
        }

        return true;
    }

    private static (Calendar Calendar, CalendarEvent Event) Parse(string content)
    {
        var calendar = Calendar.Load(content) ?? throw new InvalidOperationException("Ical.Net could not read the calendar.");
        return (calendar, Assert.Single(calendar.Events));
    }
}
