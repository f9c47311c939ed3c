using MentoringPortal.Domain;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.Web.Data;

/// <summary>
/// A finished earlier cohort of the Future Leaders pilot, so the evaluation report has something
/// to say: 12 alumni (alumnus1@demo.test … alumnus12@demo.test) who applied about a year ago,
/// were matched with pilot mentors, met, answered (most of) the six-month evaluation, and whose
/// pairings have since ended (one was reassigned on the way). Every survey is marked as sent and,
/// where unanswered, reminded, so the survey job emails nobody. All pairings have ended, so no
/// mentor place is used.
/// </summary>
public sealed partial class DemoSeed
{
    public const int AlumniCount = 12;

    private static readonly string[] AlumniNames =
    [
        "Aisha Bello", "Brendan Kerr", "Catrin Hughes", "Dmitri Volkov", "Esther Mwangi", "Fergus Reid",
        "Gita Raman", "Harriet Cole", "Imran Qureshi", "Jessica Lam", "Kwame Boateng", "Lucy Nolan",
    ];

    // Ratings given in the evaluation survey: six benefits, then overall satisfaction. Null: not answered.
    private static readonly int[]?[] MenteeRatings =
    [
        [4, 4, 4, 5, 4, 3, 5], [3, 4, 3, 4, 3, 3, 4], [5, 4, 4, 5, 5, 4, 5], [4, 3, 4, 4, 3, 2, 4], null,
        [4, 4, 5, 5, 4, 4, 5], [2, 3, 3, 3, 2, 3, 3], [4, 5, 4, 4, 4, 4, 4], null, [5, 5, 4, 5, 4, 5, 5], [3, 3, 4, 4, 3, 4, 4], null,
    ];

    private static readonly int[]?[] MentorRatings =
    [
        [4, 4, 3, 4, 4, 3, 4], null, [4, 4, 4, 5, 4, 3, 5], [3, 3, 3, 4, 3, 2, 3], [4, 4, 4, 4, 4, 4, 4],
        null, [3, 3, 2, 3, 3, 2, 3], [5, 4, 4, 5, 4, 4, 5], [4, 3, 4, 4, 4, 3, 4], null, [4, 4, 4, 4, 3, 3, 4], null,
    ];

    private static readonly (string? Worked, string? Better)[] MenteeWords =
    [
        ("Having someone outside my department to think out loud with. I left every meeting with one clear next step.", "More structure at the start: we took two meetings to agree what we were working on."),
        ("Practising difficult conversations before I had them for real.", null),
        ("My mentor shared their own setbacks, which made it easier to talk about mine.", "Meeting in person more often; video calls were fine but less relaxed."),
        ("Setting a goal for each meeting and checking it at the next one.", "It was hard to protect time for the meetings during winter pressures."),
        (null, null),
        ("Being challenged kindly. I now put myself forward for things I would have avoided a year ago.", null),
        ("Someone to listen when things were difficult at work.", "We could have met more regularly; long gaps made it hard to keep momentum."),
        ("Introductions to people in other trusts who had led similar projects.", "A short guide at the start on what to expect from mentoring."),
        (null, null),
        ("Honest feedback on my leadership style, and a safe place to try new approaches.", null),
        ("Planning my application for a leadership role step by step.", "More time — six months went very quickly."),
        (null, null),
    ];

    private static readonly (string? Worked, string? Better)[] MentorWords =
    [
        ("Seeing my mentee's confidence grow as they took on the rota lead role.", "Clearer guidance for mentors on how to end the relationship well."),
        (null, null),
        ("A mentee with clear goals from the start made our meetings focused.", null),
        ("Learning about how a different specialty approaches service change.", "Protected time in job plans for mentoring would help a great deal."),
        ("The matching was thoughtful: our interests fitted well.", "A chance to meet other mentors during the pilot to share experience."),
        (null, null),
        ("Regular short calls worked better for us than long meetings.", "Earlier contact from the scheme when meetings slipped."),
        ("The training course prepared me well for the first meeting.", null),
        ("Helping someone plan their next career step.", "A simple template for agreeing goals in the first meeting."),
        (null, null),
        ("It reminded me why I enjoy developing people.", null),
        (null, null),
    ];

    private static readonly Recommendation[] Recommendations =
    [
        Recommendation.Yes, Recommendation.Yes, Recommendation.Yes, Recommendation.NotSure, Recommendation.Yes, Recommendation.Yes,
        Recommendation.No, Recommendation.Yes, Recommendation.Yes, Recommendation.Yes, Recommendation.NotSure, Recommendation.Yes,
    ];

    private static readonly (int Start, int Review)[][] GoalRatings =
    [
        [(2, 4), (1, 3), (1, 2)], [(2, 3), (2, 3), (1, 1)], [(3, 5), (2, 4), (1, 3)], [(2, 3), (1, 2), (1, 2)],
        [(2, 4), (2, 3), (1, 2)], [(1, 4), (1, 3), (1, 2)], [(3, 3), (2, 2), (1, 1)], [(2, 4), (2, 4), (1, 2)],
        [(2, 3), (1, 2), (1, 1)], [(2, 5), (1, 4), (1, 3)], [(3, 4), (2, 3), (2, 2)], [(2, 3), (1, 2), (1, 1)],
    ];

    private static readonly string?[] MenteeExitWords =
    [
        "A final review meeting with the scheme to plan what comes next.",
        "Knowing from the start how long the pairing would last.",
        null,
        "An alumni group so we can keep learning from each other.",
        "A reminder from the scheme when we had not met for a while.",
        "Clearer goals written down at our first meeting.",
        "Nothing really; it ended because it had done its job.",
        "A check-in halfway through to see whether we were on track.",
    ];

    private static readonly string?[] MentorExitWords =
    [
        "Protected time for meetings in my job plan.",
        null,
        "A short closing conversation guide for mentors.",
        "Hearing from the scheme how the cohort went overall.",
        "An easier way to rearrange meetings at short notice.",
        "Knowing what the mentee had already tried before we met.",
    ];

    private int _exitWords;

    /// <summary>Alumnus 5's first pairing is not a fit and the scheme moves them to another mentor after three months.</summary>
    private const int ReassignedAlumnus = 5;

    /// <summary>
    /// Seeds the finished cohort. Call after the programmes and mentors are saved; it saves as it
    /// goes so that each pairing has its identifiers before its surveys are created.
    /// </summary>
    private async Task SeedEvaluationCohortAsync(Programme pilot, IReadOnlyList<Mentor> pilotMentors, DateTime now, string passwordHash,
        string menteeRoleId)
    {
        var today = DateOnly.FromDateTime(now);
        var available = pilotMentors.Where(m => m.WhyNotMatchable(today) is null).ToList();
        if (available.Count < AlumniCount + 1)
        {
            logger.LogWarning("Only {Count} pilot mentors are free: the finished pilot cohort is not seeded.", available.Count);
            return;
        }

        var alumni = new List<(Mentee Mentee, Domain.Matching.MenteeApplication Application, List<Goal> Goals)>();
        for (var k = 1; k <= AlumniCount; k++)
        {
            var name = "Dr " + AlumniNames[k - 1];
            var email = $"alumnus{k}@demo.test";
            var user = AddDemoUser(email, name, menteeRoleId, passwordHash, now.AddDays(-380 + k));

            var joined = now.AddDays(-380 + k);
            var mentee = new Mentee(user.Id, name, joined);
            mentee.UpdateProfile(new MenteeProfile(
                name,
                ProfileOptions.Specialties[(k * 3) % ProfileOptions.Specialties.Count],
                ProfileOptions.Grades[1 + (k % 4)],
                ProfileOptions.Regions[(k * 2) % ProfileOptions.Regions.Count],
                ProfileOptions.Backgrounds[k % ProfileOptions.Backgrounds.Count],
                $"{ProfileOptions.Regions[(k * 2) % ProfileOptions.Regions.Count]} Community Health Trust"), joined);
            var goalsSetAt = now.AddDays(-372 + k);
            var ratings = GoalRatings[k - 1];
            var goals = new List<Goal>
            {
                mentee.AddGoal(GoalHorizon.ShortTerm, AlumniGoals[(k - 1) % AlumniGoals.Length].ShortTerm, ratings[0].Start, goalsSetAt),
                mentee.AddGoal(GoalHorizon.MediumTerm, AlumniGoals[(k - 1) % AlumniGoals.Length].MediumTerm, ratings[1].Start, goalsSetAt),
                mentee.AddGoal(GoalHorizon.LongTerm, AlumniGoals[(k - 1) % AlumniGoals.Length].LongTerm, ratings[2].Start, goalsSetAt),
            };
            var application = mentee.Apply(pilot, new Domain.Matching.ApplicationChoices(
                "I have recently taken on more responsibility and want to grow as a leader, with someone outside my own team to learn from.",
                null, AvoidOwnOrganisation: false, MeetingModes.None), now.AddDays(-365 + k));
            db.Mentees.Add(mentee);
            alumni.Add((mentee, application, goals));
        }

        await db.SaveChangesAsync();

        // Matched between one and four weeks after applying, each with a mentor of their own.
        var pairings = new List<Pairing>();
        for (var k = 1; k <= AlumniCount; k++)
        {
            var matchedAt = now.AddDays(-365 + k + 7 + (k * 5 % 22)).Date.AddHours(10);
            pairings.Add(alumni[k - 1].Application.Match(available[k - 1], pilot, matchedAt).Pairing);
        }

        await db.SaveChangesAsync();

        var reassignedOld = pairings[ReassignedAlumnus - 1];
        HoldMeetings(reassignedOld, reassignedOld.StartedAt.AddDays(80));
        var reassignedAt = reassignedOld.StartedAt.AddDays(90);
        var replacement = reassignedOld.ReassignTo(available[AlumniCount], pilot, null, reassignedAt).Started;
        SendExitSurveys(reassignedOld, reassignedAt);
        pairings[ReassignedAlumnus - 1] = replacement;
        await db.SaveChangesAsync();

        var exitAnswers = 0;
        for (var k = 1; k <= AlumniCount; k++)
        {
            var pairing = pairings[k - 1];
            var evaluationAt = pairing.EvaluationDueAt(pilot.EvaluationPointMonths);
            var endsAt = evaluationAt.AddDays(40 + k);
            HoldMeetings(pairing, endsAt);
            pairing.InviteToEvaluation(evaluationAt, pilot.EvaluationPointMonths);
            foreach (var survey in pairing.Surveys.Where(s => s.Kind == SurveyKind.Evaluation))
            {
                survey.RecordInvitationSent(evaluationAt);
                var fromMentee = survey.Respondent == SurveyRespondent.Mentee;
                var given = (fromMentee ? MenteeRatings : MentorRatings)[k - 1];
                var words = (fromMentee ? MenteeWords : MentorWords)[k - 1];
                var answeredAt = evaluationAt.AddDays(2 + (k % 9));
                if (given is null)
                {
                    survey.RecordReminderSent(evaluationAt + SurveyResponse.ReminderAfter);
                    if (k == 9 && fromMentee)
                    {
                        // Started but never sent: it counts as unanswered.
                        survey.Save(new EvaluationAnswers(4, 4, null, null, null, null, null, null, null, null), answeredAt);
                    }

                    continue;
                }

                var goalRatings = fromMentee
                    ? alumni[k - 1].Goals.Select((g, i) => (g, GoalRatings[k - 1][i].Review)).ToList()
                    : [];
                survey.Submit(new EvaluationAnswers(given[0], given[1], given[2], given[3], given[4], given[5], given[6],
                    fromMentee ? Recommendations[k - 1] : Recommendations[(k + 3) % AlumniCount], words.Worked, words.Better), goalRatings, answeredAt);
            }

            pairing.End(k % 4 == 3 ? EndReason.NoLongerNeeded : EndReason.GoalsMet, null, null, endsAt);
            exitAnswers += SendExitSurveys(pairing, endsAt, answer: k % 3 != 0 || k == 6);
        }

        await db.SaveChangesAsync();
        logger.LogInformation("Demo data: a finished Future Leaders cohort of {Alumni} alumni with {Answers} exit survey answers.", AlumniCount, exitAnswers);
    }

    /// <summary>A meeting every six weeks from two weeks after the start, held, until <paramref name="until"/>.</summary>
    private static void HoldMeetings(Pairing pairing, DateTime until)
    {
        for (var at = pairing.StartedAt.Date.AddDays(14).AddHours(12); at < until; at = at.AddDays(42))
        {
            var meeting = pairing.PlanMeeting(at, 60, at.Day % 2 == 0 ? MeetingModes.Video : MeetingModes.FaceToFace, "Agreed by the pair");
            meeting.MarkHeld(at.AddHours(1));
        }
    }

    /// <summary>Marks the pairing's exit surveys as sent; the mentee (and sometimes the mentor) answers. Returns the number of answers.</summary>
    private int SendExitSurveys(Pairing pairing, DateTime endedAt, bool answer = true)
    {
        var answers = 0;
        foreach (var survey in pairing.Surveys.Where(s => s.Kind == SurveyKind.Exit && s.NeedsInvitation))
        {
            survey.RecordInvitationSent(endedAt);
            var fromMentee = survey.Respondent == SurveyRespondent.Mentee;
            if (!answer || (!fromMentee && pairing.Id % 2 == 0))
            {
                continue;
            }

            var exit = pairing.EndReason switch
            {
                EndReason.Reassigned => new ExitAnswers(ExitReason.NotWorkingWell,
                    "Talking sooner about what each of us expected from the meetings."),
                EndReason.NoLongerNeeded => new ExitAnswers(ExitReason.CircumstancesChanged,
                    fromMentee ? "A pause option rather than ending, while my job changed." : null),
                _ => new ExitAnswers(fromMentee || pairing.Id % 3 != 0 ? ExitReason.GoalsMet : ExitReason.HardToFindTime,
                    (fromMentee ? MenteeExitWords : MentorExitWords)[_exitWords++ % (fromMentee ? MenteeExitWords.Length : MentorExitWords.Length)]),
            };
            survey.Submit(exit, endedAt.AddDays(3));
            answers++;
        }

        return answers;
    }
}
