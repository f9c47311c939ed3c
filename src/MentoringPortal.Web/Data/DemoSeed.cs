using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.Web.Data;

/// <summary>
/// Demo data for a fresh development database: both programmes of the product, 48 mentors
/// (some full, paused, not accepting, untrained or awaiting approval), 10 mentees, pairings with
/// meetings, and requests in every state. Every account signs in with <see cref="Password"/>.
/// </summary>
public sealed partial class DemoSeed(PortalDbContext db, IPasswordHasher<PortalUser> hasher, ILookupNormalizer normalizer, TimeProvider time,
    IHostEnvironment environment, ILogger<DemoSeed> logger)
{
    public const string Password = "Demo-Passw0rd!";

    /// <summary>
    /// The demo administrators' authenticator key (base32, RFC 6238), printed in the README so that anyone trying
    /// the portal in Development can add it to an app. Administrators must sign in with a second factor.
    /// </summary>
    public const string AdministratorAuthenticatorKey = "DEMOADMINKEYDEVELOPMENTONLY2FA23";
    public const int MentorCount = 48;
    public const int MenteeCount = 10;

    private static readonly string[] FirstNames =
    [
        "Amara", "Ben", "Chloe", "Deepak", "Eleanor", "Farid", "Grace", "Hamish", "Ifeoma", "James", "Kavya", "Liam",
        "Maryam", "Niall", "Olivia", "Priya", "Quentin", "Rhiannon", "Samuel", "Tomasz", "Uchenna", "Victoria",
        "Wei", "Yasmin",
    ];

    private static readonly string[] LastNames =
    [
        "Adeyemi", "Baxter", "Chaudhry", "Davies", "Evans", "Fraser", "Gallagher", "Hussain", "Ibrahim", "Jones",
        "Kowalski", "Lewis", "Mensah", "Nair", "O'Connor", "Patel", "Quinn", "Robertson", "Singh", "Thomas",
    ];

    private static readonly string[] MentorGrades = ["Consultant", "GP", "Clinical academic", "Medical manager", "Specialty doctor"];

    private static readonly string[] Expertise =
    [
        "returning to clinical practice after parental leave, rebuilding confidence on call",
        "leading a service redesign, quality improvement projects and audit",
        "training less than full time, balancing caring responsibilities with training",
        "exam preparation and portfolio planning after time out of training",
        "research and academic careers, fellowship applications",
        "wellbeing, burnout and returning after ill health",
        "international graduates settling into NHS practice and culture",
        "leadership roles, clinical director and medical management",
    ];

    public async Task SeedAsync()
    {
        if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            logger.LogWarning("Portal:SeedDemoData is ignored in {Environment}: demo accounts exist only in Development (and tests).",
                environment.EnvironmentName);
            return;
        }

        if (await db.Programmes.AnyAsync())
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var passwordHash = hasher.HashPassword(new PortalUser(), Password);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);

        var returnToTraining = new Programme("Return to Training mentoring", "return-to-training",
            "For trainees coming back after time away (parental leave, ill health, research or a career break). Choose a trained mentor from the directory, meet face to face first and then every 6 to 8 weeks, in confidence.",
            MatchingMode.MenteeChooses, meetingCadenceWeeks: 8);
        var futureLeaders = new Programme("Future Leaders pilot", "future-leaders",
            "A pilot for members of the society: apply with your short-, medium- and long-term goals and the scheme matches you with a mentor whose experience fits them. A formal evaluation follows after six months.",
            MatchingMode.SchemeMatches, meetingCadenceWeeks: 8);
        returnToTraining.Update(returnToTraining.Name, returnToTraining.Summary, returnToTraining.MatchingMode,
            returnToTraining.MeetingCadenceWeeks, returnToTraining.EvaluationPointMonths, returnToTraining.OpenForApplications,
            trainingValidityMonths: 36);
        db.Programmes.AddRange(returnToTraining, futureLeaders);

        var administrator = AddUser("admin@demo.test", "Alex Morgan (scheme administrator)", Roles.Administrator);
        administrator.AdministersEveryProgramme = true;
        var pilotAdministrator = AddUser("admin2@demo.test", "Sam Okafor (Future Leaders administrator)", Roles.Administrator);
        AddDemoAuthenticator(administrator);
        AddDemoAuthenticator(pilotAdministrator);

        var mentors = new List<Mentor>();
        for (var i = 1; i <= MentorCount; i++)
        {
            var name = $"Dr {FirstNames[(i * 7) % FirstNames.Length]} {LastNames[(i * 3) % LastNames.Length]}";
            var waitingForApproval = i >= MentorCount - 1;
            var user = AddUser($"mentor{i}@demo.test", name, waitingForApproval ? Roles.Mentee : Roles.Mentor);
            var specialty = ProfileOptions.Specialties[i % ProfileOptions.Specialties.Count];
            var expertise = Expertise[i % Expertise.Length];
            var profile = new MentorProfile(
                name,
                specialty,
                MentorGrades[i % MentorGrades.Length],
                ProfileOptions.Regions[(i * 3) % ProfileOptions.Regions.Count],
                ProfileOptions.Backgrounds[(i * 5) % ProfileOptions.Backgrounds.Count],
                $"{ProfileOptions.Regions[(i * 3) % ProfileOptions.Regions.Count]} Hospitals NHS Trust",
                $"{specialty}; {expertise}",
                $"I have worked in {specialty.ToLowerInvariant()} for {8 + (i % 15)} years and completed the scheme's two-day mentor training. I am especially glad to help with {expertise}. I listen first, and I will not tell you what to do: mentoring is about finding your own way back with confidence.",
                i % 4 == 0 ? MeetingModes.FaceToFace | MeetingModes.Video | MeetingModes.Phone
                    : i % 4 == 1 ? MeetingModes.FaceToFace | MeetingModes.Video
                    : i % 4 == 2 ? MeetingModes.FaceToFace
                    : MeetingModes.FaceToFace | MeetingModes.Phone);
            var capacity = i is >= 2 and <= 4 ? 1 : 1 + (i % 4);
            if (waitingForApproval)
            {
                // Two people have offered to mentor in the pilot and wait for the scheme's approval.
                db.Mentees.Add(new Mentee(user.Id, name, now.AddDays(-10)));
                mentors.Add(Mentor.SignUp(user.Id, profile, capacity,
                    $"I completed the deanery's 2-day mentor training course in {today.AddMonths(-i / 8):MMMM yyyy} and have mentored informally for several years.",
                    [futureLeaders], now.AddDays(-50 + i)));
                continue;
            }

            var mentor = new Mentor(user.Id, profile, capacity, now.AddDays(-400 + i));
            mentor.Approve(now.AddDays(-300 + i));
            if (i == MentorCount - 2)
            {
                // Approved, but the scheme has no record of the mentor course yet: not listed.
            }
            else if (i == MentorCount - 4)
            {
                // Trained nearly three years ago: the course expires in 20 days, so a reminder is due.
                mentor.RecordTraining(today.AddDays(20).AddYears(-3), today.AddDays(20));
            }
            else
            {
                var completed = today.AddDays(-200 - (i * 5));
                mentor.RecordTraining(completed, i % 5 == 0 ? completed.AddYears(3) : null);
            }

            if (i % 10 == 9)
            {
                mentor.SetAvailability(AvailabilityStatus.Paused, today.AddDays(20 + i), today);
            }
            else if (i % 10 == 3 && i > 10)
            {
                mentor.SetAvailability(AvailabilityStatus.NotAccepting, null, today);
            }

            if (i <= 40)
            {
                mentor.JoinProgramme(returnToTraining, today);
            }

            if (i >= 25)
            {
                mentor.JoinProgramme(futureLeaders, today);
            }

            mentors.Add(mentor);
        }

        db.Mentors.AddRange(mentors);
        var pilotMentors = mentors.Where(m => m.Programmes.Contains(futureLeaders)).ToList();

        var mentees = new List<Mentee>();
        for (var i = 1; i <= MenteeCount; i++)
        {
            var name = $"Dr {FirstNames[(i * 5 + 3) % FirstNames.Length]} {LastNames[(i * 7 + 1) % LastNames.Length]}";
            var user = AddUser($"mentee{i}@demo.test", name, Roles.Mentee);
            var mentee = new Mentee(user.Id, name, now.AddDays(-120 + i));
            mentee.UpdateProfile(new MenteeProfile(
                name,
                ProfileOptions.Specialties[(i * 2) % ProfileOptions.Specialties.Count],
                ProfileOptions.Grades[1 + (i % 4)],
                ProfileOptions.Regions[i % ProfileOptions.Regions.Count],
                ProfileOptions.Backgrounds[(i + 2) % ProfileOptions.Backgrounds.Count],
                $"{ProfileOptions.Regions[i % ProfileOptions.Regions.Count]} Hospitals NHS Trust"), now.AddDays(-110 + i));
            var goalsSetAt = now.AddDays(-100 + i);
            var goals = TraineeGoals[(i - 1) % TraineeGoals.Length];
            var shortTerm = mentee.AddGoal(GoalHorizon.ShortTerm, goals.ShortTerm, 2, goalsSetAt);
            var mediumTerm = mentee.AddGoal(GoalHorizon.MediumTerm, goals.MediumTerm, 1, goalsSetAt);
            mentee.AddGoal(GoalHorizon.LongTerm, goals.LongTerm, 1, goalsSetAt);
            if (i is >= 2 and <= 7)
            {
                shortTerm.Rate(4, now.AddDays(-20));
                mediumTerm.Rate(2, now.AddDays(-20));
            }
            mentee.JoinProgramme(returnToTraining);
            if (i >= 8)
            {
                mentee.JoinProgramme(futureLeaders);
            }

            mentees.Add(mentee);
        }

        db.Mentees.AddRange(mentees);
        await db.SaveChangesAsync();
        db.ProgrammeAdministrators.Add(new ProgrammeAdministrator(pilotAdministrator.Id, futureLeaders.Id));

        var expiry = TimeSpan.FromDays(14);
        Mentor MentorNo(int n) => mentors[n - 1];
        Mentee MenteeNo(int n) => mentees[n - 1];

        // Pairings: mentors 2, 3, 4 and 8 have one place and are full; the others keep places free.
        // Mentee 7's pairing (200 days, last met 190 days ago, nothing planned) is overdue.
        var pairings = new Dictionary<int, Domain.Pairings.Pairing>();
        foreach (var (mentee, mentor, daysAgo) in new[] { (2, 2, 75), (3, 3, 20), (4, 4, 130), (5, 5, 40), (6, 6, 10), (7, 8, 200) })
        {
            var pairing = MenteeNo(mentee).PairWith(MentorNo(mentor), returnToTraining, now.AddDays(-daysAgo)).Pairing;
            pairings[mentee] = pairing;
            if (daysAgo >= 20)
            {
                var first = pairing.PlanMeeting(now.AddDays(-daysAgo + 10).Date.AddHours(17), 60, MeetingModes.FaceToFace,
                    "Postgraduate centre, quiet room 2");
                first.MarkHeld(now.AddDays(-daysAgo + 10).Date.AddHours(18));
            }

            if (daysAgo is >= 40 and < 200)
            {
                pairing.PlanMeeting(now.AddDays(12).Date.AddHours(12), 60, MeetingModes.Video, "Video call (link to follow)");
            }
            else if (daysAgo < 20)
            {
                pairing.PlanMeeting(now.AddDays(6).Date.AddHours(17).AddMinutes(30), 60, MeetingModes.FaceToFace, "Hospital library, group study room");
            }
        }

        AddMeetingWaitingForAnswer(pairings[6], now);

        // A confidential change request waiting for the scheme.
        pairings[4].AskForChange(MenteeNo(4).UserId!,
            "We have met twice but our working patterns make it very hard to find times, and I don't feel able to talk openly about my return. I would like to try a mentor outside my own hospital.",
            now.AddDays(-3));

        // And a mentor who finds the pairing is not working asks too (the reassignment journey of the browser tests).
        pairings[2].AskForChange(MentorNo(2).UserId!,
            "We have very different expectations of what mentoring is for, and after three meetings I do not think I am the right person to help. A mentor closer to their specialty may do better.",
            now.AddDays(-2));

        // Requests in every state; mentor1 has two to answer, and mentee1 is free to choose anyone.
        MenteeNo(8).RequestContact(MentorNo(1), returnToTraining,
            "I am returning after a year of parental leave and would value your experience of coming back to on-call work.", MeetingModes.FaceToFace, now.AddDays(-2), expiry);
        MenteeNo(9).RequestContact(MentorNo(1), returnToTraining,
            "I am coming back after a period of ill health and would like help planning a phased return.", MeetingModes.Video, now.AddDays(-5), expiry);
        MenteeNo(9).RequestContact(MentorNo(10), returnToTraining,
            "I would like a mentor from a different specialty to help me think about my career more widely.", MeetingModes.FaceToFace, now.AddDays(-4), expiry);
        MenteeNo(10).RequestContact(MentorNo(11), returnToTraining,
            "Could you help me prepare for my return after research?", MeetingModes.FaceToFace, now.AddDays(-9), expiry)
            .Decline(DeclineReason.UnavailableForAWhile, null, now.AddDays(-7));
        MenteeNo(10).RequestContact(MentorNo(12), returnToTraining,
            "I am looking for support with exams after time out of training.", MeetingModes.Phone, now.AddDays(-20), expiry)
            .ExpireIfDue(now.AddDays(-6));

        // Applications to the pilot waiting to be matched; one declares a conflict and avoids their own organisation.
        MenteeNo(8).Apply(futureLeaders, new(
            "I have just taken on a rota lead role and want to grow as a leader: leading a service redesign is my next big step.",
            null, AvoidOwnOrganisation: false, MeetingModes.Video), now.AddDays(-6));
        MenteeNo(9).Apply(futureLeaders, new(
            "I would like a mentor from outside my own trust to help me plan a research and academic career.",
            pilotMentors[0].DisplayName, AvoidOwnOrganisation: true, MeetingModes.FaceToFace | MeetingModes.Video), now.AddDays(-4));
        MenteeNo(10).Apply(futureLeaders, new(
            "I want to understand medical management and whether a clinical director role is right for me.",
            null, AvoidOwnOrganisation: false, MeetingModes.None), now.AddDays(-1));
        SeedPilotCohort(futureLeaders, pilotMentors, now, AddUser);
        await db.SaveChangesAsync();
        await SeedResourcesAsync(returnToTraining, futureLeaders, now);
        await SeedMessagesAsync(pairings[5], now);
        await SeedNotificationsAsync(pairings[5], returnToTraining.Id, now);
        await SeedEvaluationCohortAsync(futureLeaders, pilotMentors, now, passwordHash, roles[Roles.Mentee]);
        await SeedAgreementsAndRatingsAsync(returnToTraining.Id, futureLeaders.Id, now);
        await SeedProposalsAsync(futureLeaders, pilotMentors, now, AddUser);
        await SeedMentoringRecordAsync(returnToTraining, now, AddUser);
        // Never the password itself: logs are kept and shipped, and the README tells developers where to find it.
        logger.LogInformation("Demo data seeded: {Mentors} mentors, {Mentees} mentees; every demo account's password is in the README.",
            MentorCount, await db.Mentees.CountAsync());

        PortalUser AddUser(string email, string displayName, string role) => AddDemoUser(email, displayName, roles[role], passwordHash, now);
    }

    /// <summary>Two-factor sign-in with the demo authenticator key, stored where Identity's user store keeps it.</summary>
    private void AddDemoAuthenticator(PortalUser user)
    {
        user.TwoFactorEnabled = true;
        db.UserTokens.Add(new IdentityUserToken<string>
        {
            UserId = user.Id,
            LoginProvider = "[AspNetUserStore]",
            Name = "AuthenticatorKey",
            Value = AdministratorAuthenticatorKey,
        });
    }

    /// <summary>A confirmed demo account with the shared demo password.</summary>
    private PortalUser AddDemoUser(string email, string displayName, string roleId, string passwordHash, DateTime createdAt)
    {
        var user = new PortalUser
        {
            UserName = email,
            NormalizedUserName = normalizer.NormalizeName(email),
            Email = email,
            NormalizedEmail = normalizer.NormalizeEmail(email),
            EmailConfirmed = true,
            DisplayName = displayName,
            PasswordHash = passwordHash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
            CreatedAt = createdAt,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleId });
        return user;
    }
}
