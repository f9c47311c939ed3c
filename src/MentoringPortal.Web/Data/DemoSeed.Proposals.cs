using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Identity;

namespace MentoringPortal.Web.Data;

/// <summary>
/// Two applicants to the Future Leaders pilot (mentee23, mentee24) whom the scheme has proposed to a
/// mentor, two days ago, each waiting for that mentor's answer: the last two pilot mentors with a place
/// free (mentor45 and mentor44). One mentor can accept and the other decline.
/// </summary>
public sealed partial class DemoSeed
{
    private static readonly (string Name, DemoGoals Goals, string Statement)[] ProposedApplicants =
    [
        ("Dr Nadia Okafor",
            new("Lead my first departmental audit from start to finish.", "Take on the rota lead role for my specialty.",
                "Become a clinical lead for acute medicine."),
            "I have been asked to take on more leadership and would like someone to help me find my own style."),
        ("Dr Owen Brennan",
            new("Prepare a strong application for a leadership fellowship.", "Complete a postgraduate certificate in healthcare leadership.",
                "Lead a regional service."),
            "I want to understand how senior clinicians balance leadership with clinical work, before I commit to a fellowship."),
    ];

    private async Task SeedProposalsAsync(Programme futureLeaders, List<Mentor> pilotMentors, DateTime now,
        Func<string, string, string, PortalUser> addUser)
    {
        var today = DateOnly.FromDateTime(now);
        var free = pilotMentors.Where(m => m.WhyNotMatchable(today) is null).ToList();
        if (free.Count < ProposedApplicants.Length)
        {
            logger.LogWarning("Only {Count} pilot mentors are free: the demo proposals are not seeded.", free.Count);
            return;
        }

        for (var k = 0; k < ProposedApplicants.Length; k++)
        {
            var (name, goals, statement) = ProposedApplicants[k];
            var number = MenteeCount + PilotCohort.Length + 1 + k;
            var user = addUser($"mentee{number}@demo.test", name, Roles.Mentee);
            var joined = now.AddDays(-30 + k);
            var mentee = new Mentee(user.Id, name, joined);
            mentee.UpdateProfile(new MenteeProfile(name, ProfileOptions.Specialties[(k * 5 + 1) % ProfileOptions.Specialties.Count],
                ProfileOptions.Grades[3 + k], ProfileOptions.Regions[(k * 3 + 2) % ProfileOptions.Regions.Count],
                ProfileOptions.Backgrounds[(k + 1) % ProfileOptions.Backgrounds.Count], null), joined);
            mentee.AddGoal(GoalHorizon.ShortTerm, goals.ShortTerm, 2, joined);
            mentee.AddGoal(GoalHorizon.MediumTerm, goals.MediumTerm, 1, joined);
            mentee.AddGoal(GoalHorizon.LongTerm, goals.LongTerm, 1, joined);
            var application = mentee.Apply(futureLeaders, new ApplicationChoices(statement, null, AvoidOwnOrganisation: false, MeetingModes.None),
                now.AddDays(-10 + k));
            db.Mentees.Add(mentee);

            // The last free mentors, so the directory's first mentors and the cohort's suggestions are as before.
            application.Propose(free[free.Count - 1 - k], futureLeaders, now.AddDays(-2));
        }

        await db.SaveChangesAsync();
    }
}
