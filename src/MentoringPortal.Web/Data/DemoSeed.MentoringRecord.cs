using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Identity;

namespace MentoringPortal.Web.Data;

/// <summary>
/// A mentor with a record worth printing for appraisal (recordmentor@demo.test): two courses, a
/// pairing that ended after four meetings with a mentee who agreed to be named
/// (recordmentee1@demo.test), and an active one with meetings of different lengths whose mentee has
/// not agreed (recordmentee2@demo.test). One place, taken, so the mentor is full: not suggested,
/// and listed after every mentor who is accepting.
/// </summary>
public sealed partial class DemoSeed
{
    public const string RecordMentorEmail = "recordmentor@demo.test";

    private async Task SeedMentoringRecordAsync(Programme programme, DateTime now, Func<string, string, string, PortalUser> addUser)
    {
        var today = DateOnly.FromDateTime(now);
        const string mentorName = "Dr Morag Whitfield";
        var mentorUser = addUser(RecordMentorEmail, mentorName, Roles.Mentor);
        var mentor = new Mentor(mentorUser.Id, new MentorProfile(mentorName, "Psychiatry", "Consultant", ProfileOptions.Regions[0],
                ProfileOptions.Backgrounds[0], $"{ProfileOptions.Regions[0]} Hospitals NHS Trust",
                "Psychiatry; wellbeing, burnout and returning after ill health",
                "I have mentored trainees returning after ill health for six years, and I keep my mentoring record for my own appraisal.",
                MeetingModes.FaceToFace | MeetingModes.Video),
            capacity: 1, now.AddDays(-720));
        mentor.Approve(now.AddDays(-700));
        mentor.RecordTraining(today.AddDays(-600), today.AddDays(-600).AddYears(3));
        mentor.RecordTraining("Coaching conversations refresher (half day)", isSchemeCourse: false, today.AddDays(-90), null, null, now.AddDays(-90));
        mentor.JoinProgramme(programme, today);

        var named = RecordMentee(programme, "recordmentee1@demo.test", "Dr Tariq Hale", now.AddDays(-400), addUser);
        var unnamed = RecordMentee(programme, "recordmentee2@demo.test", "Dr Nina Brooks", now.AddDays(-200), addUser);
        db.Mentors.Add(mentor);
        db.Mentees.AddRange(named, unnamed);
        await db.SaveChangesAsync();

        // Ended before the evaluation point, so no evaluation is due; its exit surveys count as sent.
        var ended = named.PairWith(mentor, programme, now.AddDays(-330)).Pairing;
        foreach (var (daysAgo, minutes) in new[] { (320, 90), (280, 60), (240, 60), (200, 45) })
        {
            ended.LogPastMeeting(now.AddDays(-daysAgo).Date.AddHours(17), minutes, MeetingModes.FaceToFace, null, now.AddDays(-daysAgo + 1));
        }

        ended.SetMenteeAgreesToBeNamed(named.UserId!, agrees: true);
        ended.End(EndReason.GoalsMet, named.UserId, null, now.AddDays(-190));
        SendExitSurveys(ended, now.AddDays(-190), answer: false);

        // Active and on track: the last meeting was three weeks ago, within the programme's cadence.
        var active = unnamed.PairWith(mentor, programme, now.AddDays(-150)).Pairing;
        foreach (var (daysAgo, minutes) in new[] { (140, 75), (95, 60), (50, 45), (21, 60) })
        {
            active.LogPastMeeting(now.AddDays(-daysAgo).Date.AddHours(12), minutes, daysAgo % 2 == 0 ? MeetingModes.Video : MeetingModes.FaceToFace,
                null, now.AddDays(-daysAgo + 1));
        }

        await db.SaveChangesAsync();
    }

    private static Mentee RecordMentee(Programme programme, string email, string name, DateTime joined, Func<string, string, string, PortalUser> addUser)
    {
        var user = addUser(email, name, Roles.Mentee);
        var mentee = new Mentee(user.Id, name, joined);
        mentee.UpdateProfile(new MenteeProfile(name, "Psychiatry", ProfileOptions.Grades[2], ProfileOptions.Regions[0], ProfileOptions.Backgrounds[1],
            $"{ProfileOptions.Regions[0]} Hospitals NHS Trust"), joined);
        mentee.JoinProgramme(programme);
        return mentee;
    }
}
