using MentoringPortal.Domain.Agreements;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Pairings;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Data;

/// <summary>
/// Demo agreements and meeting ratings: mentee3 and mentor3 have agreed theirs; mentor4 has written one
/// that waits for mentee4. The finished Future Leaders cohort rated its meetings, so the report shows
/// an aggregate there; in Return to Training only two meetings are rated, too few to show.
/// </summary>
public sealed partial class DemoSeed
{
    private static readonly string[] RatingComments =
    [
        "We got to the heart of the governance meeting worries.",
        "Short on time today, but a useful plan.",
        "Really helpful to rehearse the difficult conversation.",
    ];

    private async Task SeedAgreementsAndRatingsAsync(int returnToTrainingId, int futureLeadersId, DateTime now)
    {
        var pairings = await db.Pairings.Include(p => p.Mentor).Include(p => p.Mentee).Include(p => p.Meetings)
            .Where(p => p.ProgrammeId == returnToTrainingId || p.ProgrammeId == futureLeadersId)
            .AsSplitQuery().ToListAsync();
        var rated = 0;
        var emails = await db.Users.Where(u => u.Email!.EndsWith("@demo.test")).ToDictionaryAsync(u => u.Email!, u => u.Id);
        Pairing? ActiveOf(string menteeEmail) =>
            pairings.Find(p => p.IsActive && emails.TryGetValue(menteeEmail, out var id) && p.Mentee!.UserId == id);

        if (ActiveOf("mentee3@demo.test") is { } agreed)
        {
            var menteeUser = agreed.Mentee!.UserId!;
            var agreement = MentoringAgreement.Write(agreed, menteeUser, new AgreementTerms(
                "Every six weeks, about an hour: face to face in the postgraduate centre when we can, by video when rotas make that hard.",
                MentoringAgreement.DefaultConfidentiality,
                "Honest feedback on how my return is going, and help to plan my first on-call weeks.",
                "That the mentee sets the topic, and gives a day's notice if a meeting has to move.",
                "Either of us can end the mentoring at any time by saying so, without blame. The mentee can also ask the scheme, in confidence, for another mentor."),
                now.AddDays(-9));
            agreement.Confirm(agreed, menteeUser, agreement.Revision, now.AddDays(-9));
            agreement.Confirm(agreed, agreed.Mentor!.UserId!, agreement.Revision, now.AddDays(-8));
            db.MentoringAgreements.Add(agreement);
            RateHeldMeetings(agreed, menteeUser, 5, null, now);
            RateHeldMeetings(agreed, agreed.Mentor!.UserId!, 4, null, now);
        }

        if (ActiveOf("mentee4@demo.test") is { } draft)
        {
            var mentorUser = draft.Mentor!.UserId!;
            var agreement = MentoringAgreement.Write(draft, mentorUser, new AgreementTerms(
                "Monthly by video, with a face-to-face meeting every three months.",
                MentoringAgreement.DefaultConfidentiality,
                "Someone outside my hospital to think through my return with.",
                "That we both keep the time we agree, and say early if we cannot.",
                "Either of us can end it by telling the other; no reasons needed."),
                now.AddDays(-2));
            agreement.Confirm(draft, mentorUser, agreement.Revision, now.AddDays(-2));
            db.MentoringAgreements.Add(agreement);
        }

        foreach (var (pairing, k) in pairings.Where(p => p.ProgrammeId == futureLeadersId).OrderBy(p => p.Id).Select((p, k) => (p, k)))
        {
            var meetings = pairing.Meetings.Where(MeetingRating.CanRate).OrderBy(m => m.StartsAt).ToList();
            for (var j = 0; j < meetings.Count; j++)
            {
                var comment = (k + j) % 4 == 0 ? RatingComments[(k + j) % RatingComments.Length] : null;
                Rate(pairing, meetings[j].Id, pairing.Mentee!.UserId!, 2 + ((k + (2 * j)) % 4), comment, meetings[j].StartsAt.AddHours(3));
                if (j % 2 == 0)
                {
                    Rate(pairing, meetings[j].Id, pairing.Mentor!.UserId!, 3 + ((k + j) % 3), null, meetings[j].StartsAt.AddHours(5));
                }
            }
        }

        await db.SaveChangesAsync();
        logger.LogInformation("Demo data: two mentoring agreements and {Ratings} meeting ratings.", rated);

        void Rate(Pairing pairing, int meetingId, string userId, int usefulness, string? comment, DateTime at)
        {
            db.MeetingRatings.Add(MeetingRating.Rate(pairing, meetingId, userId, usefulness, comment, at));
            rated++;
        }

        void RateHeldMeetings(Pairing pairing, string userId, int usefulness, string? comment, DateTime at)
        {
            foreach (var meeting in pairing.Meetings.Where(MeetingRating.CanRate))
            {
                Rate(pairing, meeting.Id, userId, usefulness, comment, at);
            }
        }
    }
}
