using MentoringPortal.Domain;
using MentoringPortal.Domain.Pairings;

namespace MentoringPortal.Web.Data;

/// <summary>Demo meetings for an honest record: a planned meeting whose time has passed, waiting for "Did this meeting happen?".</summary>
public sealed partial class DemoSeed
{
    /// <summary>
    /// Mentee6 and mentor6 (paired 10 days ago) planned their first, face-to-face meeting for three days ago and
    /// nobody has logged it, so both are asked "Did this meeting happen?" on /me and the pairing page.
    /// </summary>
    private static void AddMeetingWaitingForAnswer(Pairing pairing, DateTime now) =>
        pairing.PlanMeeting(now.AddDays(-3).Date.AddHours(17), 60, MeetingModes.FaceToFace, "Hospital library, group study room");
}
