using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentorships;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>A pairing of its own for a survey test: its programme, its two members, and the mentee's rated goal.</summary>
public sealed record SurveyPairing(TestProgramme Programme, Person Mentee, Person Mentor, int PairingId, int GoalId);

/// <summary>Arranges pairings for the survey tests, and runs the survey job the way Housekeeping does, in a scope of its own.</summary>
public static class SurveysData
{
    public const string RatedGoal = "Take on the rota lead role.";

    /// <summary>A new programme (evaluation point 6 months), a mentor, a mentee with a goal rated 2 at the start, paired from <paramref name="startedAt"/>.</summary>
    public static async Task<SurveyPairing> PairingAsync(PortalFactory factory, DateTime startedAt)
    {
        var programme = await AdminPairingsData.ProgrammeAsync(factory);
        var mentor = await AdminPairingsData.MentorAsync(factory, programme);
        var mentee = await AdminPairingsData.MenteeAsync(factory, programme);
        var pairingId = await AdminPairingsData.PairAsync(factory, programme, mentee, mentor, startedAt);
        var goalId = await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var loaded = await db.Mentees.Include(m => m.Goals).SingleAsync(m => m.Id == mentee.Id);
            var goal = loaded.AddGoal(GoalHorizon.MediumTerm, RatedGoal, 2, startedAt);
            await db.SaveChangesAsync();
            return goal.Id;
        });
        return new SurveyPairing(programme, mentee, mentor, pairingId, goalId);
    }

    /// <summary>One run of the survey job, as the Housekeeping timer would run it.</summary>
    public static Task<SurveyRun> RunJobAsync(PortalFactory factory) =>
        factory.InScopeAsync(services => services.GetRequiredService<SurveyInvitations>().SendDueAsync(CancellationToken.None));

    public static Task EndAsync(PortalFactory factory, int pairingId, DateTime now) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pairing = await db.Mentorships.Include(m => m.Mentor).Include(m => m.Meetings).Include(m => m.ChangeRequests)
            .SingleAsync(m => m.Id == pairingId);
        pairing.End(EndReason.GoalsMet, null, null, now);
        await db.SaveChangesAsync();
    });

    /// <summary>The scheme moves the mentee to <paramref name="newMentor"/>; returns the new pairing's id.</summary>
    public static Task<int> ReassignAsync(PortalFactory factory, int pairingId, Person newMentor, DateTime now) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pairing = await db.Mentorships
            .Include(m => m.Mentor)
            .Include(m => m.Mentee).ThenInclude(x => x!.Goals)
            .Include(m => m.Mentee).ThenInclude(x => x!.Mentorships)
            .Include(m => m.Mentee).ThenInclude(x => x!.Applications)
            .Include(m => m.Meetings)
            .Include(m => m.ChangeRequests)
            .AsSplitQuery()
            .SingleAsync(m => m.Id == pairingId);
        var mentor = await db.Mentors.Include(m => m.Programmes).SingleAsync(m => m.Id == newMentor.Id);
        var programme = await db.Programmes.SingleAsync(p => p.Id == pairing.ProgrammeId);
        var reassignment = pairing.ReassignTo(mentor, programme, null, now);
        await db.SaveChangesAsync();
        return reassignment.Started.Id;
    });

    public static async Task<IReadOnlyList<SurveyResponse>> SurveysAsync(PortalFactory factory, int pairingId) =>
        await PortalData.QueryAsync(factory, db => db.SurveyResponses.AsNoTracking().Include(s => s.GoalProgress)
            .Where(s => s.MentorshipId == pairingId).OrderBy(s => s.Kind).ThenBy(s => s.Respondent).ToListAsync());

    public static Task<SurveyResponse> SurveyAsync(PortalFactory factory, int pairingId, SurveyKind kind, SurveyRespondent respondent) =>
        PortalData.QueryAsync(factory, db => db.SurveyResponses.AsNoTracking().Include(s => s.GoalProgress)
            .SingleAsync(s => s.MentorshipId == pairingId && s.Kind == kind && s.Respondent == respondent));

    /// <summary>How many emails with this subject the outbox holds for this address (sent or still waiting).</summary>
    public static Task<int> EmailsAsync(PortalFactory factory, string to, string subject) =>
        PortalData.QueryAsync(factory, db => db.OutboxMessages.CountAsync(m => m.To == to && m.Subject == subject));

    public static async Task<IReadOnlyList<int>> GoalRatingsAsync(PortalFactory factory, int goalId) =>
        await PortalData.QueryAsync(factory, db => db.Goals.AsNoTracking().Where(g => g.Id == goalId)
            .SelectMany(g => g.Ratings).OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).Select(r => r.Rating).ToListAsync());
}
