using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Mentorships;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

public sealed record Person(string Email, int Id, string Name);

/// <summary>Arranges people and requests through the app's own domain and Identity, in the factory's database.</summary>
public static class PortalData
{
    public const string Password = "correct horse battery staple";
    public const string ProgrammeSlug = "return-to-training";

    public static Task<int> ProgrammeIdAsync(PortalFactory factory) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Slug == ProgrammeSlug);
        if (programme is null)
        {
            programme = new Programme("Return to Training mentoring", ProgrammeSlug, "Mentoring for trainees returning to training.",
                MatchingMode.MenteeChooses);
            db.Programmes.Add(programme);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // Created by a parallel test at the same moment.
                db.ChangeTracker.Clear();
                programme = await db.Programmes.SingleAsync(p => p.Slug == ProgrammeSlug);
            }
        }

        return programme.Id;
    });

    public static async Task<Person> MentorAsync(PortalFactory factory, int capacity = 2, string? specialty = null,
        MeetingModes modes = MeetingModes.FaceToFace | MeetingModes.Video, string? name = null)
    {
        var programmeId = await ProgrammeIdAsync(factory);
        return await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var displayName = name ?? Unique.Name("Dr Mentor");
            var user = await UserAsync(services, Unique.Email("mentor"), displayName, Roles.Mentor);
            var mentor = new Mentor(user.Id, new MentorProfile(displayName, specialty ?? ProfileOptions.Specialties[0], "Consultant",
                ProfileOptions.Regions[0], ProfileOptions.Backgrounds[0], "Test Hospital", "Returning after parental leave",
                "An experienced and trained mentor.", modes), capacity, now);
            mentor.Approve(now);
            mentor.RecordTraining(DateOnly.FromDateTime(now).AddYears(-1), null);
            mentor.JoinProgramme(await db.Programmes.SingleAsync(p => p.Id == programmeId));
            db.Mentors.Add(mentor);
            await db.SaveChangesAsync();
            return new Person(user.Email!, mentor.Id, displayName);
        });
    }

    public static async Task<Person> MenteeAsync(PortalFactory factory, string? name = null)
    {
        var programmeId = await ProgrammeIdAsync(factory);
        return await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var displayName = name ?? Unique.Name("Dr Trainee");
            var user = await UserAsync(services, Unique.Email("mentee"), displayName, Roles.Mentee);
            var mentee = new Mentee(user.Id, displayName, now);
            mentee.UpdateProfile(new MenteeProfile(displayName, ProfileOptions.Specialties[1], ProfileOptions.Grades[2],
                ProfileOptions.Regions[1], ProfileOptions.Backgrounds[1], null), now);
            mentee.SetGoal(GoalHorizon.ShortTerm, "Feel confident on call again.", now);
            mentee.JoinProgramme(await db.Programmes.SingleAsync(p => p.Id == programmeId));
            db.Mentees.Add(mentee);
            await db.SaveChangesAsync();
            return new Person(user.Email!, mentee.Id, displayName);
        });
    }

    /// <summary>The mentee asks the mentor, through the domain (the HTTP form is tested elsewhere).</summary>
    public static Task<int> RequestAsync(PortalFactory factory, Person mentee, Person mentor) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var (loadedMentee, loadedMentor) = await LoadAsync(db, mentee, mentor);
        var request = loadedMentee.RequestContact(loadedMentor, loadedMentee.Programmes.Single(p => p.Slug == ProgrammeSlug),
            "Hello, I am returning to training after a year away and would value your help.", MeetingModes.None, now, TimeSpan.FromDays(14));
        await db.SaveChangesAsync();
        return request.Id;
    });

    /// <summary>The scheme pairs them directly, using one of the mentor's places.</summary>
    public static Task PairAsync(PortalFactory factory, Person mentee, Person mentor) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var (loadedMentee, loadedMentor) = await LoadAsync(db, mentee, mentor);
        loadedMentee.PairWith(loadedMentor, loadedMentee.Programmes.Single(p => p.Slug == ProgrammeSlug), now);
        await db.SaveChangesAsync();
    });

    public static Task<T> QueryAsync<T>(PortalFactory factory, Func<PortalDbContext, Task<T>> query) =>
        factory.InScopeAsync(services => query(services.GetRequiredService<PortalDbContext>()));

    /// <summary>Loads what the domain's request and pairing rules read: the mentee's pending requests and active pairings.</summary>
    private static async Task<(Mentee Mentee, Mentor Mentor)> LoadAsync(PortalDbContext db, Person mentee, Person mentor) => (
        await db.Mentees.Include(m => m.Programmes)
            .Include(m => m.Requests.Where(r => r.Status == ContactRequestStatus.Pending))
            .Include(m => m.Mentorships.Where(x => x.Status == MentorshipStatus.Active))
            .SingleAsync(m => m.Id == mentee.Id),
        await db.Mentors.Include(m => m.Programmes).SingleAsync(m => m.Id == mentor.Id));

    public static async Task<PortalUser> UserAsync(IServiceProvider services, string email, string name, string role)
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

    /// <summary>An administrator of every programme (administrators belong to no programme and can read every programme's resources).</summary>
    public static Task<Person> AdministratorAsync(PortalFactory factory) => factory.InScopeAsync(async services =>
    {
        var name = Unique.Name("Scheme administrator");
        var user = await UserAsync(services, Unique.Email("admin"), name, Roles.Administrator);
        return new Person(user.Email!, 0, name);
    });

    /// <summary>The id of the mentee's active pairing with the mentor (after <see cref="PairAsync"/>).</summary>
    public static Task<int> MentorshipIdAsync(PortalFactory factory, Person mentee, Person mentor) => QueryAsync(factory, db =>
        db.Mentorships.Where(m => m.MenteeId == mentee.Id && m.MentorId == mentor.Id && m.Status == MentorshipStatus.Active)
            .Select(m => m.Id).SingleAsync());

    /// <summary>A resource page in the programme with this slug (created, with no members, if it does not exist); returns the page's id.</summary>
    public static Task<int> ResourcePageAsync(PortalFactory factory, string title, string body, string programmeSlug = ProgrammeSlug,
        string? slug = null) => factory.InScopeAsync(async services =>
    {
        if (programmeSlug == ProgrammeSlug)
        {
            await ProgrammeIdAsync(factory);
        }

        var db = services.GetRequiredService<PortalDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Slug == programmeSlug);
        if (programme is null)
        {
            programme = new Programme("Programme " + programmeSlug, programmeSlug, "A programme for tests.", MatchingMode.SchemeMatches);
            db.Programmes.Add(programme);
        }

        var page = new ResourcePage(programme, slug ?? "page-" + Guid.NewGuid().ToString("N")[..8], title, body, 10, now);
        db.ResourcePages.Add(page);
        await db.SaveChangesAsync();
        return page.Id;
    });
}
