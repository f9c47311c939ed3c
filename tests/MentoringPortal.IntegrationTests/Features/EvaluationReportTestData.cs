using MentoringPortal.Domain;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Mentorships;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>A pairing a test made, with the people in it (whose names must never reach the report).</summary>
public sealed record EvaluatedPairing(int Id, Person Mentee, Person Mentor);

/// <summary>The answers one member gives in the evaluation survey: the same rating for every benefit and satisfaction.</summary>
public sealed record Answers(int Rating, Recommendation Recommend = Recommendation.Yes, string? Worked = null, string? Better = null);

/// <summary>
/// Arranges a scheme-matched programme of its own with applications, matches, meetings and
/// surveys, all through the domain (Apply, Match, InviteToEvaluation, Submit, End).
/// </summary>
public static class EvaluationReportTestData
{
    public static Task<TestProgramme> ProgrammeAsync(PortalFactory factory) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var slug = "evaluation-" + Guid.NewGuid().ToString("N")[..10];
        var programme = new Programme("Programme " + slug, slug, "A programme for the evaluation report's tests.", MatchingMode.SchemeMatches);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return new TestProgramme(programme.Id, programme.Slug, programme.Name);
    });

    /// <summary>
    /// A mentee applies on <paramref name="appliedAt"/> with a short-term goal rated
    /// <paramref name="goalStart"/>, and is matched <paramref name="daysToMatch"/> days later with a new mentor.
    /// </summary>
    public static Task<EvaluatedPairing> MatchedAsync(PortalFactory factory, TestProgramme programme, DateTime appliedAt, int daysToMatch,
        int goalStart = 2) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var entity = await db.Programmes.SingleAsync(p => p.Id == programme.Id);

        var mentorName = Unique.Name("Dr Evalmentor");
        var mentorUser = await PortalData.UserAsync(services, Unique.Email("evalmentor"), mentorName, Roles.Mentor);
        var mentor = new Mentor(mentorUser.Id, new MentorProfile(mentorName, ProfileOptions.Specialties[0], "Consultant",
            ProfileOptions.Regions[0], ProfileOptions.Backgrounds[0], "Test Hospital", "Leading a service redesign",
            "An experienced and trained mentor.", MeetingModes.FaceToFace | MeetingModes.Video), 2, appliedAt.AddYears(-2));
        mentor.Approve(appliedAt.AddYears(-2));
        mentor.RecordTraining(DateOnly.FromDateTime(appliedAt).AddYears(-1), null);
        mentor.JoinProgramme(entity);
        db.Mentors.Add(mentor);

        var menteeName = Unique.Name("Dr Evalmentee");
        var menteeUser = await PortalData.UserAsync(services, Unique.Email("evalmentee"), menteeName, Roles.Mentee);
        var mentee = new Mentee(menteeUser.Id, menteeName, appliedAt.AddDays(-1));
        mentee.UpdateProfile(new MenteeProfile(menteeName, ProfileOptions.Specialties[1], ProfileOptions.Grades[2],
            ProfileOptions.Regions[1], ProfileOptions.Backgrounds[1], null), appliedAt.AddDays(-1));
        mentee.AddGoal(GoalHorizon.ShortTerm, "Lead the morning handover with confidence.", goalStart, appliedAt.AddDays(-1));
        var application = mentee.Apply(entity, new ApplicationChoices("To grow as a leader.", null, false, MeetingModes.None), appliedAt);
        db.Mentees.Add(mentee);
        await db.SaveChangesAsync();

        var pairing = application.Match(mentor, entity, appliedAt.AddDays(daysToMatch)).Mentorship;
        await db.SaveChangesAsync();
        return new EvaluatedPairing(pairing.Id, new Person(menteeUser.Email!, mentee.Id, menteeName), new Person(mentorUser.Email!, mentor.Id, mentorName));
    });

    /// <summary>
    /// The pairing reaches its evaluation point: both are invited (and the invitation marked sent); each
    /// answers when given answers. The mentee rates their goal <paramref name="goalReview"/>.
    /// </summary>
    public static Task EvaluateAsync(PortalFactory factory, int pairingId, Answers? mentee, Answers? mentor, int goalReview = 4) =>
        factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var pairing = await LoadAsync(db, pairingId);
            var months = await db.Programmes.Where(p => p.Id == pairing.ProgrammeId).Select(p => p.EvaluationPointMonths).SingleAsync();
            var at = pairing.EvaluationDueAt(months);
            pairing.InviteToEvaluation(at, months);
            foreach (var survey in pairing.Surveys.Where(s => s.Kind == SurveyKind.Evaluation))
            {
                survey.RecordInvitationSent(at);
                var answers = survey.Respondent == SurveyRespondent.Mentee ? mentee : mentor;
                if (answers is null)
                {
                    continue;
                }

                var r = answers.Rating;
                var goals = survey.Respondent == SurveyRespondent.Mentee
                    ? pairing.Mentee!.Goals.Select(g => (g, goalReview)).ToList()
                    : [];
                survey.Submit(new EvaluationAnswers(r, r, r, r, r, r, r, answers.Recommend, answers.Worked, answers.Better), goals, at.AddDays(1));
            }

            await db.SaveChangesAsync();
        });

    /// <summary>Ends the pairing on <paramref name="endedAt"/>; each member answers the exit survey when given a reason.</summary>
    public static Task EndAsync(PortalFactory factory, int pairingId, DateTime endedAt, ExitReason? mentee, ExitReason? mentor,
        string? helped = null) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pairing = await LoadAsync(db, pairingId);
        pairing.End(EndReason.GoalsMet, null, null, endedAt);
        foreach (var survey in pairing.Surveys.Where(s => s.Kind == SurveyKind.Exit))
        {
            survey.RecordInvitationSent(endedAt);
            if ((survey.Respondent == SurveyRespondent.Mentee ? mentee : mentor) is { } reason)
            {
                survey.Submit(new ExitAnswers(reason, helped), endedAt.AddDays(1));
            }
        }

        await db.SaveChangesAsync();
    });

    /// <summary>A held meeting at <paramref name="at"/>.</summary>
    public static Task MeetingAsync(PortalFactory factory, int pairingId, DateTime at) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pairing = await LoadAsync(db, pairingId);
        pairing.PlanMeeting(at, 60, MeetingModes.Video, null).MarkHeld(at.AddHours(1));
        await db.SaveChangesAsync();
    });

    private static Task<Mentorship> LoadAsync(PortalDbContext db, int pairingId) =>
        db.Mentorships.AsSplitQuery().Include(m => m.Mentor).Include(m => m.Mentee).ThenInclude(m => m!.Goals).ThenInclude(g => g.Ratings)
            .Include(m => m.Surveys).Include(m => m.Meetings).Include(m => m.ChangeRequests)
            .SingleAsync(m => m.Id == pairingId);
}
