using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Identity;

namespace MentoringPortal.Web.Data;

/// <summary>
/// The pilot cohort waiting to be matched in the Future Leaders pilot: twelve more members
/// (mentee11 … mentee22) with profiles and goals by horizon, some avoiding their own organisation
/// or declaring a conflict, and one whose goals no pilot mentor's experience meets. The pilot's
/// minimum score is set just above that member's best score, so a whole-cohort run shows at least
/// one applicant left unmatched, with the reason.
/// </summary>
public sealed partial class DemoSeed
{
    private sealed record PilotApplicant(
        string Name, int Specialty, int Grade, string Region, int Background, string Organisation,
        string ShortTerm, string MediumTerm, string LongTerm, string Statement, MeetingModes Modes,
        bool AvoidOwnOrganisation = false, bool ConflictWithAPilotMentor = false);

    private static readonly PilotApplicant[] PilotCohort =
    [
        new("Dr Aisha Bello", 0, 3, "London", 1, "London Hospitals NHS Trust",
            "Lead a quality improvement project on my unit.", "Lead a service redesign across two sites.", "Take on a clinical director role.",
            "I want to grow from leading projects to leading a service.", MeetingModes.Video, AvoidOwnOrganisation: true),
        new("Dr Callum Reid", 1, 2, "Scotland", 0, "Scotland Hospitals NHS Trust",
            "Plan a research fellowship application.", "Publish my research as first author.", "Build an academic career alongside clinical work.",
            "I would like guidance from someone who has combined research with clinical practice.", MeetingModes.Video | MeetingModes.Phone),
        new("Dr Dana Kaur", 4, 4, "Midlands", 2, "Midlands Hospitals NHS Trust",
            "Balance less than full time training with caring responsibilities.", "Finish training with a clear portfolio.", "Lead a team as a GP partner.",
            "I train less than full time and want a mentor who knows how to make it work.", MeetingModes.None, AvoidOwnOrganisation: true),
        new("Dr Emeka Obi", 3, 1, "North West", 4, "North West Hospitals NHS Trust",
            "Prepare for my fellowship exam with a realistic plan.", "Build my portfolio for consultant interviews.", "Take up a consultant post with a leadership role.",
            "I am an international graduate and would value a mentor who has walked this path.", MeetingModes.FaceToFace | MeetingModes.Video),
        new("Dr Fiona MacLeod", 11, 3, "South West", 3, "South West Hospitals NHS Trust",
            "Look after my wellbeing after a period of burnout.", "Return to full time work with confidence.", "Lead a wellbeing programme for trainees.",
            "I came back after ill health and want to build resilience and then help others.", MeetingModes.Video, ConflictWithAPilotMentor: true),
        new("Dr Gareth Price", 5, 4, "Wales", 0, "Wales Hospitals NHS Trust",
            "Lead the audit programme in my department.", "Lead a service redesign of the surgical pathway.", "Move into medical management.",
            "I want to learn how clinicians become effective managers without losing their clinical work.", MeetingModes.FaceToFace),
        new("Dr Hana Sato", 9, 2, "East of England", 5, "East of England Hospitals NHS Trust",
            "Get back into clinical practice after parental leave.", "Rebuild confidence on call.", "Take on a leadership role in paediatric services.",
            "I have just returned from parental leave and want to plan the next few years.", MeetingModes.FaceToFace | MeetingModes.Phone),
        new("Dr Isaac Mwangi", 12, 3, "London", 6, "London Hospitals NHS Trust",
            "Plan a research project in radiology.", "Apply for an academic fellowship.", "Lead a research group.",
            "I want a mentor outside my own trust who understands academic radiology.", MeetingModes.Video, AvoidOwnOrganisation: true),
        new("Dr Joanna Wright", 2, 4, "South East", 7, "South East Hospitals NHS Trust",
            "Make a success of my career change into medicine.", "Lead a quality improvement project.", "Become a leader in clinical oncology.",
            "I came to medicine from another career and want help turning that experience into leadership.", MeetingModes.None),
        new("Dr Karim Haddad", 6, 1, "North East and Yorkshire", 1, "North East and Yorkshire Hospitals NHS Trust",
            "Settle into NHS practice and culture.", "Prepare for my specialty exams.", "Take up a consultant post in geriatric medicine.",
            "I joined the NHS last year and would like a mentor to help me find my way.", MeetingModes.Video | MeetingModes.Phone),
        new("Dr Leah Goldberg", 10, 2, "Midlands", 3, "Midlands Hospitals NHS Trust",
            "Lead a service redesign of the crisis team.", "Learn about clinical director and medical management roles.", "Lead a mental health service.",
            "I want to understand what leading a service really involves before I apply for a role.", MeetingModes.FaceToFace, AvoidOwnOrganisation: true),
        new("Dr Marcus Boateng", 13, 0, "Northern Ireland", 2, "Northern Ireland Health Trust",
            "Get confident with point-of-care ultrasound.", "Publish case reports on rare skin conditions.", "Become known nationally for tropical diseases.",
            "I have quite specialised interests and would welcome any mentor who can help me plan.", MeetingModes.Phone),
    ];

    /// <summary>Adds the waiting cohort (applications submitted over the last weeks) and sets the pilot's minimum score.</summary>
    private void SeedPilotCohort(Programme futureLeaders, List<Mentor> pilotMentors, DateTime now,
        Func<string, string, string, PortalUser> addUser)
    {
        var applications = new List<MenteeApplication>();
        for (var i = 0; i < PilotCohort.Length; i++)
        {
            var number = MenteeCount + 1 + i;
            var applicant = PilotCohort[i];
            var user = addUser($"mentee{number}@demo.test", applicant.Name, Roles.Mentee);
            var mentee = new Mentee(user.Id, applicant.Name, now.AddDays(-60 + i));
            mentee.UpdateProfile(new MenteeProfile(applicant.Name, ProfileOptions.Specialties[applicant.Specialty], ProfileOptions.Grades[applicant.Grade],
                applicant.Region, ProfileOptions.Backgrounds[applicant.Background], applicant.Organisation), now.AddDays(-59 + i));
            var goalsSetAt = now.AddDays(-40 + i);
            mentee.AddGoal(GoalHorizon.ShortTerm, applicant.ShortTerm, 2, goalsSetAt);
            mentee.AddGoal(GoalHorizon.MediumTerm, applicant.MediumTerm, 1, goalsSetAt);
            mentee.AddGoal(GoalHorizon.LongTerm, applicant.LongTerm, 1, goalsSetAt);
            mentee.JoinProgramme(futureLeaders);
            db.Mentees.Add(mentee);
            var conflicts = applicant.ConflictWithAPilotMentor ? pilotMentors[3].DisplayName : null;
            applications.Add(mentee.Apply(futureLeaders,
                new ApplicationChoices(applicant.Statement, conflicts, applicant.AvoidOwnOrganisation, applicant.Modes), now.AddDays(-30 + (2 * i))));
        }

        // Each applicant's best possible score; the minimum sits just above the lowest, so that applicant stays unmatched, with the reason.
        var today = DateOnly.FromDateTime(now);
        var candidates = pilotMentors.Select(m => MatchCandidate.From(m, today)).ToList();
        var best = applications
            .Select(a => MatchScoring.Rank(a.Needs(), candidates, futureLeaders.Weights).Suggestions.Select(s => s.Score).DefaultIfEmpty(0).Max())
            .Order()
            .ToList();
        var minimum = ((best[0] / 5) + 1) * 5;
        futureLeaders.SetMinimumMatchScore(best.Count > 1 && minimum > best[1] ? best[0] + 1 : minimum);
    }
}
