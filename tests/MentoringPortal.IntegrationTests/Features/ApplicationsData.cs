using MentoringPortal.Domain;
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


/// <summary>Arranges programmes where the scheme matches, their mentors, applicants and applications, through the domain.</summary>
public static class ApplicationsData
{
    public const string Statement = "I would like to grow into a clinical leadership role with someone who has done it.";

    /// <summary>A new programme of its own where the scheme matches and applications are open.</summary>
    public static Task<TestProgramme> ProgrammeAsync(PortalFactory factory, bool open = true) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var name = Unique.Name("Future Leaders");
        var programme = new Programme(name, Programme.SlugFor(name), "Members apply and the scheme matches them with a mentor.",
            MatchingMode.SchemeMatches, openForApplications: open);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return new TestProgramme(programme.Id, programme.Slug, programme.Name);
    });

    public static Task<Person> MentorAsync(PortalFactory factory, TestProgramme programme, string? name = null, string? organisation = null,
        string expertise = "Leadership, service redesign, quality improvement", int capacity = 2) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var displayName = name ?? Unique.Name("Dr Matched Mentor");
        var user = await PortalData.UserAsync(services, Unique.Email("mentor"), displayName, Roles.Mentor);
        var mentor = new Mentor(user.Id, new MentorProfile(displayName, ProfileOptions.Specialties[0], "Consultant", ProfileOptions.Regions[1],
            ProfileOptions.Backgrounds[0], organisation ?? Unique.Name("County Hospital"), expertise,
            "Consultant who has led a service redesign.", MeetingModes.FaceToFace | MeetingModes.Video), capacity, now);
        mentor.Approve(now);
        mentor.RecordTraining(DateOnly.FromDateTime(now).AddYears(-1), null);
        mentor.JoinProgramme(await db.Programmes.SingleAsync(p => p.Id == programme.Id));
        db.Mentors.Add(mentor);
        await db.SaveChangesAsync();
        return new Person(user.Email!, mentor.Id, displayName);
    });

    /// <summary>A mentee with a complete profile (in the Return to Training programme, which a complete profile needs).</summary>
    public static async Task<Person> MenteeAsync(PortalFactory factory, string? organisation = null, string? shortTermGoal = "Lead a service redesign in my department.",
        bool completeProfile = true)
    {
        var choosingProgrammeId = await PortalData.ProgrammeIdAsync(factory);
        return await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var displayName = Unique.Name("Dr Applicant");
            var user = await PortalData.UserAsync(services, Unique.Email("applicant"), displayName, Roles.Mentee);
            var mentee = new Mentee(user.Id, displayName, now);
            if (completeProfile)
            {
                mentee.UpdateProfile(new MenteeProfile(displayName, ProfileOptions.Specialties[1], ProfileOptions.Grades[2],
                    ProfileOptions.Regions[1], ProfileOptions.Backgrounds[1], organisation), now);
                mentee.JoinProgramme(await db.Programmes.SingleAsync(p => p.Id == choosingProgrammeId));
            }

            if (shortTermGoal is not null)
            {
                mentee.SetGoal(GoalHorizon.ShortTerm, shortTermGoal, now);
            }

            db.Mentees.Add(mentee);
            await db.SaveChangesAsync();
            return new Person(user.Email!, mentee.Id, displayName);
        });
    }

    /// <summary>The mentee applies through the domain (the form is tested in ApplicationsTests); returns the application's id.</summary>
    public static Task<int> ApplyAsync(PortalFactory factory, Person mentee, TestProgramme programme, string? conflicts = null,
        bool avoidOwnOrganisation = false) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var loaded = await db.Mentees.Include(m => m.Programmes).Include(m => m.Goals)
            .Include(m => m.Mentorships.Where(x => x.Status == MentorshipStatus.Active))
            .Include(m => m.Applications.Where(a => a.Status == ApplicationStatus.Waiting))
            .AsSplitQuery()
            .SingleAsync(m => m.Id == mentee.Id);
        var application = loaded.Apply(await db.Programmes.SingleAsync(p => p.Id == programme.Id),
            new ApplicationChoices(Statement, conflicts, avoidOwnOrganisation, MeetingModes.None), now);
        await db.SaveChangesAsync();
        return application.Id;
    });

}
