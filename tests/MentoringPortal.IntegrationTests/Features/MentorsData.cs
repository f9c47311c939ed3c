using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The app with a settable clock, for training that expires.</summary>
public sealed class MentorsPortal() : PortalFactory(new PortalFactoryOptions { Clock = new TestClock() });

/// <summary>Arranges mentor sign-ups, trained mentors and limited administrators through the app's own domain and Identity.</summary>
public static class MentorsData
{
    public static MentorProfile Profile(string name) => new(name, ProfileOptions.Specialties[0], ProfileOptions.Grades[6],
        ProfileOptions.Regions[0], ProfileOptions.Backgrounds[0], "Test Hospital", "Returning after parental leave",
        "An experienced consultant who would like to mentor.", MeetingModes.Video);

    /// <summary>A registered person (a mentee account) who has offered to mentor in the programme; waiting for approval.</summary>
    public static async Task<Person> WaitingMentorAsync(PortalFactory factory, int? programmeId = null)
    {
        var inProgramme = programmeId ?? await PortalData.ProgrammeIdAsync(factory);
        return await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var name = Unique.Name("Dr Volunteer");
            var user = await PortalData.UserAsync(services, Unique.Email("volunteer"), name, Roles.Mentee);
            var mentor = Mentor.SignUp(user.Id, Profile(name), 2, "2-day mentor course, March 2025",
                [await db.Programmes.SingleAsync(p => p.Id == inProgramme)], now);
            db.Mentors.Add(mentor);
            await db.SaveChangesAsync();
            return new Person(user.Email!, mentor.Id, name);
        });
    }

    /// <summary>An approved mentor whose scheme course was completed a year ago and expires on the given date.</summary>
    public static Task<Person> TrainedMentorAsync(PortalFactory factory, DateOnly expiresOn) => factory.InScopeAsync(async services =>
    {
        var programmeId = await PortalData.ProgrammeIdAsync(factory);
        var db = services.GetRequiredService<PortalDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var name = Unique.Name("Dr Trained");
        var user = await PortalData.UserAsync(services, Unique.Email("trained"), name, Roles.Mentor);
        var mentor = Mentor.SignUp(user.Id, Profile(name), 2, null, [await db.Programmes.SingleAsync(p => p.Id == programmeId)], now);
        mentor.Approve(now);
        mentor.RecordTraining(Mentor.SchemeCourseName, true, DateOnly.FromDateTime(now).AddYears(-1), expiresOn, null, now);
        db.Mentors.Add(mentor);
        await db.SaveChangesAsync();
        return new Person(user.Email!, mentor.Id, name);
    });

    /// <summary>A programme of its own (not the shared one), for scope tests.</summary>
    public static Task<int> OtherProgrammeIdAsync(PortalFactory factory) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var slug = "other-" + Guid.NewGuid().ToString("N")[..8];
        var programme = new Programme("Programme " + slug, slug, "A programme for tests.", MatchingMode.MenteeChooses);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return programme.Id;
    });

    public static Task<Mentor> MentorAsync(PortalFactory factory, int mentorId) => PortalData.QueryAsync(factory, db =>
        db.Mentors.AsNoTracking().Include(m => m.Training).SingleAsync(m => m.Id == mentorId));

    public static Task<bool> IsInRoleAsync(PortalFactory factory, string email, string role) => factory.InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No user " + email);
        return await users.IsInRoleAsync(user, role);
    });

}
