using MentoringPortal.Domain;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Admin.Cohort;
using MentoringPortal.Web.Identity;
using MentoringPortal.Web.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>Someone a test made: their sign-in email, their mentor or mentee id (0 for an administrator) and display name.</summary>
public sealed record Person(string Email, int Id, string Name);

/// <summary>A programme a test made (or the shared one).</summary>
public sealed record TestProgramme(int Id, string Slug, string Name);

/// <summary>A programme of its own with waiting applicants, mentors and an administrator of it, for the cohort matching tests.</summary>
public sealed record TestCohort(TestProgramme Programme, IReadOnlyList<Person> Applicants, IReadOnlyList<int> ApplicationIds,
    IReadOnlyList<Person> Mentors, Person Administrator)
{
    public string CohortUrl => $"/admin/programmes/{Programme.Slug}/cohort";
}

/// <summary>The answers one member gives in the evaluation survey: the same rating for every benefit and satisfaction.</summary>
public sealed record Answers(int Rating, Recommendation Recommend = Recommendation.Yes, string? Worked = null, string? Better = null);

/// <summary>
/// Makes a test's data in its <see cref="PortalFactory"/>'s database through the app's own domain and
/// Identity (never by writing rows the domain would not write), and reads it back. Every builder has
/// defaults for everything: pass by name only what the test is about. Get it as <c>factory.Data</c>.
/// </summary>
public sealed class TestData(PortalFactory factory)
{
    public const string Password = "correct horse battery staple";

    /// <summary>The programme that people join when a test names none (mentees choose their mentor in it).</summary>
    public const string SharedProgrammeSlug = "return-to-training";

    /// <summary>The mentees' default short-term goal; the default mentors' expertise matches it.</summary>
    public const string DefaultGoal = "Lead a service redesign in my department.";

    /// <summary>The statement every <see cref="ApplyAsync"/> application makes.</summary>
    public const string Statement = "I would like to grow into a clinical leadership role with someone who has done it.";

    private const MeetingModes DefaultModes = MeetingModes.FaceToFace | MeetingModes.Video;

    // ---- Programmes ----

    /// <summary>The shared programme, made on first use (a parallel test may make it at the same moment).</summary>
    public Task<TestProgramme> SharedProgrammeAsync() => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Slug == SharedProgrammeSlug);
        if (programme is null)
        {
            programme = new Programme("Return to Training mentoring", SharedProgrammeSlug, "Mentoring for trainees returning to training.",
                MatchingMode.MenteeChooses);
            db.Programmes.Add(programme);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                programme = await db.Programmes.SingleAsync(p => p.Slug == SharedProgrammeSlug);
            }
        }

        return new TestProgramme(programme.Id, programme.Slug, programme.Name);
    });

    /// <summary>A programme of the test's own, named <paramref name="name"/> and a unique suffix (so lists filtered by it hold only this test's data); the app's default minimum match score unless given.</summary>
    public Task<TestProgramme> ProgrammeAsync(string name = "Programme", MatchingMode matching = MatchingMode.MenteeChooses,
        bool openForApplications = true, int? minimumMatchScore = null) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var uniqueName = Unique.Name(name);
        var programme = new Programme(uniqueName, Programme.SlugFor(uniqueName), "A programme for tests.", matching,
            openForApplications: openForApplications);
        if (minimumMatchScore is { } score)
        {
            programme.SetMinimumMatchScore(score);
        }

        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return new TestProgramme(programme.Id, programme.Slug, programme.Name);
    });

    /// <summary>A resource page in the programme (the shared one by default); returns the page's id.</summary>
    public async Task<int> ResourcePageAsync(string title = "Handbook", string body = "Text.", TestProgramme? programme = null, string? slug = null)
    {
        var programmeId = (programme ?? await SharedProgrammeAsync()).Id;
        return await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var page = new ResourcePage(await db.Programmes.SingleAsync(p => p.Id == programmeId),
                slug ?? "page-" + Guid.NewGuid().ToString("N")[..8], title, body, 10, Now(services));
            db.ResourcePages.Add(page);
            await db.SaveChangesAsync();
            return page.Id;
        });
    }

    // ---- People ----

    /// <summary>
    /// A mentor in the programme (the shared one by default), approved and trained a year ago, whose
    /// expertise matches <see cref="DefaultGoal"/>. <paramref name="approved"/> false gives a person (a
    /// mentee account) who has signed up to mentor and waits for approval instead.
    /// </summary>
    public async Task<Person> MentorAsync(TestProgramme? programme = null, int capacity = 2, string? name = null, string? specialty = null,
        MeetingModes modes = DefaultModes, string? organisation = null, string expertise = "Leadership, service redesign, quality improvement",
        bool approved = true, DateOnly? trainingExpiresOn = null, DateTime? at = null)
    {
        var programmeId = (programme ?? await SharedProgrammeAsync()).Id;
        return await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var now = at ?? Now(services);
            var displayName = name ?? Unique.Name("Dr Mentor");
            var user = await UserAsync(services, Unique.Email("mentor"), displayName, approved ? Roles.Mentor : Roles.Mentee);
            var profile = new MentorProfile(displayName, specialty ?? ProfileOptions.Specialties[0], "Consultant", ProfileOptions.Regions[1],
                ProfileOptions.Backgrounds[0], organisation ?? Unique.Name("County Hospital"), expertise,
                "Consultant who has led a service redesign.", modes);
            var inProgramme = await db.Programmes.SingleAsync(p => p.Id == programmeId);
            Mentor mentor;
            if (approved)
            {
                mentor = new Mentor(user.Id, profile, capacity, now);
                mentor.Approve(now);
                mentor.RecordTraining(Mentor.SchemeCourseName, true, DateOnly.FromDateTime(now).AddYears(-1), trainingExpiresOn, null, now);
                mentor.JoinProgramme(inProgramme, DateOnly.FromDateTime(now));
            }
            else
            {
                mentor = Mentor.SignUp(user.Id, profile, capacity, "2-day mentor course, March 2025", [inProgramme], now);
            }

            db.Mentors.Add(mentor);
            await db.SaveChangesAsync();
            return new Person(user.Email!, mentor.Id, displayName);
        });
    }

    /// <summary>
    /// A mentee with a complete profile in the programme (the shared one by default) and a short-term
    /// goal (none when null; rated <paramref name="goalRating"/> at the start when given).
    /// <paramref name="completeProfile"/> false leaves the profile empty and the mentee in no programme.
    /// </summary>
    public async Task<Person> MenteeAsync(TestProgramme? programme = null, string? name = null, string? goal = DefaultGoal,
        int? goalRating = null, string? organisation = null, bool completeProfile = true, DateTime? at = null)
    {
        var programmeId = (programme ?? await SharedProgrammeAsync()).Id;
        return await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var now = at ?? Now(services);
            var displayName = name ?? Unique.Name("Dr Trainee");
            var user = await UserAsync(services, Unique.Email("mentee"), displayName, Roles.Mentee);
            var mentee = new Mentee(user.Id, displayName, now);
            if (completeProfile)
            {
                mentee.UpdateProfile(new MenteeProfile(displayName, ProfileOptions.Specialties[1], ProfileOptions.Grades[2],
                    ProfileOptions.Regions[1], ProfileOptions.Backgrounds[1], organisation), now);
                mentee.JoinProgramme(await db.Programmes.SingleAsync(p => p.Id == programmeId));
            }

            if (goal is not null && goalRating is { } rating)
            {
                mentee.AddGoal(GoalHorizon.ShortTerm, goal, rating, now);
            }
            else if (goal is not null)
            {
                mentee.SetGoal(GoalHorizon.ShortTerm, goal, now);
            }

            db.Mentees.Add(mentee);
            await db.SaveChangesAsync();
            return new Person(user.Email!, mentee.Id, displayName);
        });
    }

    /// <summary>
    /// An administrator of the given programmes (one <see cref="ProgrammeAdministrator"/> row each), or of
    /// every programme when none is given. Administrators have an authenticator, as administration pages need.
    /// </summary>
    public Task<Person> AdministratorAsync(params TestProgramme[] programmes) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var name = Unique.Name(programmes.Length == 0 ? "Scheme administrator" : "Programme administrator");
        var user = await UserAsync(services, Unique.Email("admin"), name, Roles.Administrator);
        if (programmes.Length > 0)
        {
            user.AdministersEveryProgramme = false; // tracked by the same context as db
            db.ProgrammeAdministrators.AddRange(programmes.Select(p => new ProgrammeAdministrator(user.Id, p.Id)));
            await db.SaveChangesAsync();
        }

        return new Person(user.Email!, 0, name);
    });

    /// <summary>A client signed in as the person (no redirects, cookies kept; an administrator's second factor included).</summary>
    public Task<HttpClient> SignInAsync(Person person) => factory.CreateSignedInClientAsync(person.Email, Password);

    // ---- Requests, applications, pairings ----

    /// <summary>The mentee asks the mentor in a programme they share, through the domain (the form is tested elsewhere); returns the request's id.</summary>
    public Task<int> RequestAsync(Person mentee, Person mentor) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var (loadedMentee, loadedMentor) = await LoadPairAsync(db, mentee, mentor);
        var request = loadedMentee.RequestContact(loadedMentor, SharedBy(loadedMentee, loadedMentor),
            "Hello, I am returning to training after a year away and would value your help.", MeetingModes.None, Now(services), TimeSpan.FromDays(14));
        await db.SaveChangesAsync();
        return request.Id;
    });

    /// <summary>The scheme pairs them in a programme they share from <paramref name="startedAt"/> (now by default; long ago makes an overdue pairing); returns the pairing's id.</summary>
    public Task<int> PairAsync(Person mentee, Person mentor, DateTime? startedAt = null) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var (loadedMentee, loadedMentor) = await LoadPairAsync(db, mentee, mentor);
        var pairing = loadedMentee.PairWith(loadedMentor, SharedBy(loadedMentee, loadedMentor), startedAt ?? Now(services)).Pairing;
        await db.SaveChangesAsync();
        return pairing.Id;
    });

    /// <summary>The mentee applies to the programme through the domain (the form is tested in ApplicationsTests); returns the application's id.</summary>
    public Task<int> ApplyAsync(Person mentee, TestProgramme programme, string? conflicts = null, bool avoidOwnOrganisation = false,
        DateTime? at = null) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var loaded = await db.Mentees.Include(m => m.Programmes).Include(m => m.Goals)
            .Include(m => m.Pairings.Where(x => x.Status == PairingStatus.Active))
            .Include(m => m.Applications.Where(a => a.Status == ApplicationStatus.Waiting))
            .AsSplitQuery()
            .SingleAsync(m => m.Id == mentee.Id);
        var application = loaded.Apply(await db.Programmes.SingleAsync(p => p.Id == programme.Id),
            new ApplicationChoices(Statement, conflicts, avoidOwnOrganisation, MeetingModes.None), at ?? Now(services));
        await db.SaveChangesAsync();
        return application.Id;
    });

    /// <summary>The scheme matches the application with the mentor; returns the pairing's id.</summary>
    public Task<int> MatchAsync(int applicationId, Person mentor, DateTime? at = null) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var application = await db.MenteeApplications.Include(a => a.Mentee).ThenInclude(m => m!.Pairings)
            .AsSplitQuery().SingleAsync(a => a.Id == applicationId);
        var loadedMentor = await db.Mentors.Include(m => m.Programmes).SingleAsync(m => m.Id == mentor.Id);
        var programme = await db.Programmes.SingleAsync(p => p.Id == application.ProgrammeId);
        var pairing = application.Match(loadedMentor, programme, at ?? Now(services)).Pairing;
        await db.SaveChangesAsync();
        return pairing.Id;
    });

    public Task WithdrawAsync(int applicationId) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var application = await db.MenteeApplications.SingleAsync(a => a.Id == applicationId);
        application.Withdraw(Now(services));
        await db.SaveChangesAsync();
    });

    /// <summary>A programme where the scheme matches, with mentors of the given capacities and that many applicants waiting, and an administrator of it.</summary>
    public async Task<TestCohort> CohortAsync(int applicants, int[] mentorCapacities, int minimumScore = 0)
    {
        var programme = await ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches, minimumMatchScore: minimumScore);
        var mentors = new List<Person>();
        foreach (var capacity in mentorCapacities)
        {
            mentors.Add(await MentorAsync(programme, capacity: capacity));
        }

        var people = new List<Person>();
        var applications = new List<int>();
        for (var i = 0; i < applicants; i++)
        {
            var mentee = await MenteeAsync();
            people.Add(mentee);
            applications.Add(await ApplyAsync(mentee, programme));
        }

        return new TestCohort(programme, people, applications, mentors, await AdministratorAsync(programme));
    }

    /// <summary>A cohort run's row as a run still working would leave it (not queued for the runner), for the progress page.</summary>
    public Task<Guid> WorkingCohortRunAsync(TestCohort cohort, int? applicants, int placed, DateTime? startedAt = null) =>
        factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var userId = await db.Users.Where(u => u.Email == cohort.Administrator.Email).Select(u => u.Id).SingleAsync();
            var run = new CohortRun(Guid.NewGuid(), cohort.Programme.Id, userId, CohortChoicesDocument.Empty.ToJson(), startedAt ?? Now(services));
            if (applicants is { } count)
            {
                run.Start(count);
                run.Progress(placed);
            }

            db.CohortRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });

    // ---- Life of a pairing ----

    /// <summary>A goal the mentee adds, rated <paramref name="startRating"/> at the start; returns the goal's id.</summary>
    public Task<int> GoalAsync(Person mentee, string description, int startRating = 2, GoalHorizon horizon = GoalHorizon.MediumTerm,
        DateTime? at = null) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var loaded = await db.Mentees.Include(m => m.Goals).SingleAsync(m => m.Id == mentee.Id);
        var goal = loaded.AddGoal(horizon, description, startRating, at ?? Now(services));
        await db.SaveChangesAsync();
        return goal.Id;
    });

    /// <summary>A meeting of the pairing at <paramref name="at"/> (in 20 days by default), held when <paramref name="held"/> (an hour later, or now if sooner) with the agreed actions, and the mentee's private note when given.</summary>
    public Task MeetingAsync(int pairingId, DateTime? at = null, bool held = false, MeetingModes mode = MeetingModes.FaceToFace,
        string? location = null, string? agreedActions = null, string? menteeNote = null) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pairing = await LoadPairingAsync(db, pairingId);
        var now = Now(services);
        var startsAt = at ?? now.AddDays(20);
        var meeting = pairing.PlanMeeting(startsAt, 60, mode, location);
        if (held)
        {
            meeting.LogAsHeld(agreedActions, startsAt.AddHours(1) < now ? startsAt.AddHours(1) : now);
        }

        if (menteeNote is not null)
        {
            meeting.WriteNote(pairing.Mentee!.UserId!, menteeNote, now);
        }

        await db.SaveChangesAsync();
    });

    /// <summary>A member of the pairing asks the scheme for a change; returns the request's id.</summary>
    public Task<int> AskForChangeAsync(int pairingId, bool byMentee = true, string reason = "We would like a change.") =>
        factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var pairing = await LoadPairingAsync(db, pairingId);
            var request = pairing.AskForChange(byMentee ? pairing.Mentee!.UserId! : pairing.Mentor!.UserId!, reason, Now(services));
            await db.SaveChangesAsync();
            return request.Id;
        });

    /// <summary>
    /// The pairing reaches its evaluation point: both are invited (and the invitations marked sent); each
    /// answers when given answers, the mentee rating every goal <paramref name="goalReview"/>.
    /// </summary>
    public Task EvaluateAsync(int pairingId, Answers? mentee, Answers? mentor, int goalReview = 4) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pairing = await LoadPairingAsync(db, pairingId);
        var months = await db.Programmes.Where(p => p.Id == pairing.ProgrammeId).Select(p => p.EvaluationPointMonths).SingleAsync();
        var at = pairing.EvaluationDueAt(months);
        pairing.InviteToEvaluation(at, months);
        foreach (var survey in pairing.Surveys.Where(s => s.Kind == SurveyKind.Evaluation))
        {
            survey.RecordInvitationSent(at);
            if ((survey.Respondent == SurveyRespondent.Mentee ? mentee : mentor) is not { } answers)
            {
                continue;
            }

            var r = answers.Rating;
            var goals = survey.Respondent == SurveyRespondent.Mentee ? pairing.Mentee!.Goals.Select(g => (g, goalReview)).ToList() : [];
            survey.Submit(new EvaluationAnswers(r, r, r, r, r, r, r, answers.Recommend, answers.Worked, answers.Better), goals, at.AddDays(1));
        }

        await db.SaveChangesAsync();
    });

    /// <summary>
    /// Ends the pairing (goals met) at <paramref name="at"/>. With <paramref name="exitInvitationsSent"/> the exit
    /// surveys' invitations count as sent, and each member with a reason answers the exit survey the next day.
    /// </summary>
    public Task EndAsync(int pairingId, DateTime? at = null, bool exitInvitationsSent = false, ExitReason? menteeExit = null,
        ExitReason? mentorExit = null, string? helped = null) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pairing = await LoadPairingAsync(db, pairingId);
        var endedAt = at ?? Now(services);
        pairing.End(EndReason.GoalsMet, null, null, endedAt);
        foreach (var survey in pairing.Surveys.Where(s => s.Kind == SurveyKind.Exit && exitInvitationsSent))
        {
            survey.RecordInvitationSent(endedAt);
            if ((survey.Respondent == SurveyRespondent.Mentee ? menteeExit : mentorExit) is { } reason)
            {
                survey.Submit(new ExitAnswers(reason, helped), endedAt.AddDays(1));
            }
        }

        await db.SaveChangesAsync();
    });

    /// <summary>The scheme moves the mentee to <paramref name="newMentor"/>; returns the new pairing's id.</summary>
    public Task<int> ReassignAsync(int pairingId, Person newMentor, DateTime? at = null) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var pairing = await db.Pairings
            .Include(m => m.Mentor)
            .Include(m => m.Mentee).ThenInclude(x => x!.Goals)
            .Include(m => m.Mentee).ThenInclude(x => x!.Pairings)
            .Include(m => m.Mentee).ThenInclude(x => x!.Applications)
            .Include(m => m.Meetings)
            .Include(m => m.ChangeRequests)
            .AsSplitQuery()
            .SingleAsync(m => m.Id == pairingId);
        var mentor = await db.Mentors.Include(m => m.Programmes).SingleAsync(m => m.Id == newMentor.Id);
        var programme = await db.Programmes.SingleAsync(p => p.Id == pairing.ProgrammeId);
        var reassignment = pairing.ReassignTo(mentor, programme, null, at ?? Now(services));
        await db.SaveChangesAsync();
        return reassignment.Started.Id;
    });

    /// <summary>One run of the survey job, as the Housekeeping timer would run it, in a scope of its own.</summary>
    public Task<SurveyRun> RunSurveyJobAsync() =>
        factory.InScopeAsync(services => services.GetRequiredService<SurveyInvitations>().SendDueAsync(CancellationToken.None));

    /// <summary>Audit rows recorded directly, as other features would (for the audit log's scope, filters and paging).</summary>
    public Task AuditEntriesAsync(string? actorEmail, string action, int count, string subjectPrefix, int? programmeId, DateTime firstAt) =>
        factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var actorId = actorEmail is null ? null : await db.Users.Where(u => u.Email == actorEmail).Select(u => u.Id).SingleAsync();
            for (var i = 0; i < count; i++)
            {
                db.AuditEntries.Add(new AuditEntry(actorId, action, $"{subjectPrefix} {i + 1:D2}", "before", "after", firstAt.AddMinutes(i), programmeId));
            }

            await db.SaveChangesAsync();
        });

    // ---- Emails ----

    /// <summary>
    /// Waits until the outbox has tried every email queued so far (sent, parked, or failed at least once), then
    /// fails if the mailbox holds one matching <paramref name="predicate"/>. Every email of the app goes through
    /// the outbox, so once it has settled nothing more is on its way.
    /// </summary>
    public async Task AssertNoEmailAsync(Func<MailMessage, bool> predicate)
    {
        await WaitForOutboxToSettleAsync();
        factory.Mailbox.AssertNone(predicate);
    }

    /// <summary>Waits (30 s at most) until no email in the outbox is still waiting for its first try.</summary>
    public async Task WaitForOutboxToSettleAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.SentAt == null && m.ParkedAt == null && m.Attempts == 0)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The outbox still has untried emails after 30 s.");
            }

            await Task.Delay(100);
        }
    }

    // ---- Reading back ----

    public Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query) =>
        factory.InScopeAsync(services => query(services.GetRequiredService<PortalDbContext>()));

    /// <summary>The id of the mentee's active pairing with the mentor.</summary>
    public Task<int> PairingIdAsync(Person mentee, Person mentor) => QueryAsync(db =>
        db.Pairings.Where(m => m.MenteeId == mentee.Id && m.MentorId == mentor.Id && m.Status == PairingStatus.Active)
            .Select(m => m.Id).SingleAsync());

    public Task<string> UserIdAsync(string email) => QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public Task<bool> IsInRoleAsync(string email, string role) => factory.InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No user " + email);
        return await users.IsInRoleAsync(user, role);
    });

    /// <summary>The mentor with their training records, untracked.</summary>
    public Task<Mentor> LoadMentorAsync(int mentorId) =>
        QueryAsync(db => db.Mentors.AsNoTracking().Include(m => m.Training).SingleAsync(m => m.Id == mentorId));

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string action, string subject) =>
        await QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == action && a.Subject == subject).OrderBy(a => a.Id).ToListAsync());

    /// <summary>The pairing's surveys, by kind then respondent.</summary>
    public async Task<IReadOnlyList<SurveyResponse>> SurveysAsync(int pairingId) =>
        await QueryAsync(db => db.SurveyResponses.AsNoTracking().Include(s => s.GoalProgress)
            .Where(s => s.PairingId == pairingId).OrderBy(s => s.Kind).ThenBy(s => s.Respondent).ToListAsync());

    public Task<SurveyResponse> SurveyAsync(int pairingId, SurveyKind kind, SurveyRespondent respondent) =>
        QueryAsync(db => db.SurveyResponses.AsNoTracking().Include(s => s.GoalProgress)
            .SingleAsync(s => s.PairingId == pairingId && s.Kind == kind && s.Respondent == respondent));

    /// <summary>The goal's ratings, oldest first.</summary>
    public async Task<IReadOnlyList<int>> GoalRatingsAsync(int goalId) =>
        await QueryAsync(db => db.Goals.AsNoTracking().Where(g => g.Id == goalId)
            .SelectMany(g => g.Ratings).OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).Select(r => r.Rating).ToListAsync());

    /// <summary>How many emails with this subject the outbox holds for this address (sent or still waiting).</summary>
    public Task<int> OutboxCountAsync(string to, string subject) =>
        QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == to && m.Subject == subject));

    /// <summary>Emails stored for any of these people (sent or not).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> OutboxForAsync(IEnumerable<Person> people)
    {
        var addresses = people.Select(p => p.Email).ToList();
        var all = await QueryAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        return all.Where(m => addresses.Exists(a => m.To.Contains(a, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    public Task<CohortRun> CohortRunAsync(Guid runId) => QueryAsync(db => db.CohortRuns.AsNoTracking().SingleAsync(r => r.Id == runId));

    public async Task<CohortProposalDocument> CohortProposalAsync(Guid runId) =>
        CohortProposalDocument.FromJson((await CohortRunAsync(runId)).ProposalJson) ?? throw new InvalidOperationException("The run has no proposal.");

    /// <summary>Pairings started for these mentees, in any programme and of any status.</summary>
    public Task<int> PairingCountAsync(IEnumerable<Person> mentees)
    {
        var ids = mentees.Select(a => a.Id).ToList();
        return QueryAsync(db => db.Pairings.CountAsync(m => ids.Contains(m.MenteeId)));
    }

    private static DateTime Now(IServiceProvider services) => services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    private static Programme SharedBy(Mentee mentee, Mentor mentor) =>
        mentee.Programmes.First(p => mentor.Programmes.Any(m => m.Id == p.Id));

    /// <summary>What the domain's request and pairing rules read: the mentee's pending requests and active pairings.</summary>
    private static async Task<(Mentee Mentee, Mentor Mentor)> LoadPairAsync(PortalDbContext db, Person mentee, Person mentor) => (
        await db.Mentees.Include(m => m.Programmes)
            .Include(m => m.Requests.Where(r => r.Status == ContactRequestStatus.Pending))
            .Include(m => m.Pairings.Where(x => x.Status == PairingStatus.Active))
            .AsSplitQuery()
            .SingleAsync(m => m.Id == mentee.Id),
        await db.Mentors.Include(m => m.Programmes).SingleAsync(m => m.Id == mentor.Id));

    private static Task<Pairing> LoadPairingAsync(PortalDbContext db, int pairingId) =>
        db.Pairings.AsSplitQuery().Include(m => m.Mentor).Include(m => m.Mentee).ThenInclude(m => m!.Goals).ThenInclude(g => g.Ratings)
            .Include(m => m.Surveys).Include(m => m.Meetings).Include(m => m.ChangeRequests)
            .SingleAsync(m => m.Id == pairingId);

    private static async Task<PortalUser> UserAsync(IServiceProvider services, string email, string name, string role)
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            CreatedAt = DateTime.UtcNow,
            AdministersEveryProgramme = role == Roles.Administrator,
        };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        if (role == Roles.Administrator)
        {
            // Administrators need a second factor to reach administration pages.
            await SecondFactor.EnableAuthenticatorAsync(users, user);
        }

        return user;
    }
}
