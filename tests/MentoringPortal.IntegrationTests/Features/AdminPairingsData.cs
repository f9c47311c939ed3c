using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;


/// <summary>
/// Arranges programmes of their own, people in them, pairings and change requests for the
/// administrator's pairing pages, through the app's own domain and Identity.
/// </summary>
public static class AdminPairingsData
{
    /// <summary>A programme no other test uses, so lists filtered by it hold only this test's pairings.</summary>
    public static Task<TestProgramme> ProgrammeAsync(PortalFactory factory) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var slug = "pairings-" + Guid.NewGuid().ToString("N")[..10];
        var programme = new Programme("Programme " + slug, slug, "A programme for the pairing pages' tests.", MatchingMode.MenteeChooses);
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();
        return new TestProgramme(programme.Id, programme.Slug, programme.Name);
    });

    public static Task<Person> MentorAsync(PortalFactory factory, TestProgramme programme, int capacity = 2, string? name = null) =>
        factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var now = DateTime.UtcNow;
            var displayName = name ?? Unique.Name("Dr Mentor");
            var user = await PortalData.UserAsync(services, Unique.Email("mentor"), displayName, Roles.Mentor);
            var mentor = new Mentor(user.Id, new MentorProfile(displayName, ProfileOptions.Specialties[0], "Consultant",
                ProfileOptions.Regions[0], ProfileOptions.Backgrounds[0], "Test Hospital", "Returning after parental leave",
                "An experienced and trained mentor.", MeetingModes.FaceToFace | MeetingModes.Video), capacity, now);
            mentor.Approve(now);
            mentor.RecordTraining(DateOnly.FromDateTime(now).AddYears(-1), null);
            mentor.JoinProgramme(await db.Programmes.SingleAsync(p => p.Id == programme.Id));
            db.Mentors.Add(mentor);
            await db.SaveChangesAsync();
            return new Person(user.Email!, mentor.Id, displayName);
        });

    public static Task<Person> MenteeAsync(PortalFactory factory, TestProgramme programme, string? name = null, string? goal = null) =>
        factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var now = DateTime.UtcNow;
            var displayName = name ?? Unique.Name("Dr Trainee");
            var user = await PortalData.UserAsync(services, Unique.Email("mentee"), displayName, Roles.Mentee);
            var mentee = new Mentee(user.Id, displayName, now);
            mentee.UpdateProfile(new MenteeProfile(displayName, ProfileOptions.Specialties[1], ProfileOptions.Grades[2],
                ProfileOptions.Regions[1], ProfileOptions.Backgrounds[1], null), now);
            mentee.SetGoal(GoalHorizon.ShortTerm, goal ?? "Feel confident on call again.", now);
            mentee.JoinProgramme(await db.Programmes.SingleAsync(p => p.Id == programme.Id));
            db.Mentees.Add(mentee);
            await db.SaveChangesAsync();
            return new Person(user.Email!, mentee.Id, displayName);
        });

    /// <summary>Pairs them as from <paramref name="startedAt"/> (now by default; long ago makes an overdue pairing); returns the pairing's id.</summary>
    public static Task<int> PairAsync(PortalFactory factory, TestProgramme programme, Person mentee, Person mentor, DateTime? startedAt = null) =>
        factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var loadedMentee = await db.Mentees.Include(m => m.Programmes).Include(m => m.Mentorships).SingleAsync(m => m.Id == mentee.Id);
            var loadedMentor = await db.Mentors.Include(m => m.Programmes).SingleAsync(m => m.Id == mentor.Id);
            var programmeEntity = await db.Programmes.SingleAsync(p => p.Id == programme.Id);
            var pairing = loadedMentee.PairWith(loadedMentor, programmeEntity, startedAt ?? DateTime.UtcNow).Mentorship;
            await db.SaveChangesAsync();
            return pairing.Id;
        });

    /// <summary>A member of the pairing asks the scheme for a change; returns the request's id.</summary>
    public static Task<int> AskForChangeAsync(PortalFactory factory, int pairingId, bool byMentee, string reason) =>
        factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var pairing = await db.Mentorships.Include(m => m.Mentor).Include(m => m.Mentee).Include(m => m.ChangeRequests)
                .SingleAsync(m => m.Id == pairingId);
            var request = pairing.AskForChange(byMentee ? pairing.Mentee!.UserId! : pairing.Mentor!.UserId!, reason, DateTime.UtcNow);
            await db.SaveChangesAsync();
            return request.Id;
        });

    /// <summary>A meeting held yesterday with agreed actions and the mentee's private note, and one planned ahead at a place.</summary>
    public static Task MeetingsAsync(PortalFactory factory, int pairingId, string agreedActions, string note, string location) =>
        factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var pairing = await db.Mentorships.Include(m => m.Mentor).Include(m => m.Mentee).Include(m => m.Meetings)
                .SingleAsync(m => m.Id == pairingId);
            var now = DateTime.UtcNow;
            var held = pairing.PlanMeeting(now.AddMinutes(-1), 60, MeetingModes.FaceToFace, location);
            held.LogAsHeld(agreedActions, now);
            held.WriteNote(pairing.Mentee!.UserId!, note, now);
            pairing.PlanMeeting(now.AddDays(20), 60, MeetingModes.FaceToFace, location);
            await db.SaveChangesAsync();
        });

    public static Task<T> QueryAsync<T>(PortalFactory factory, Func<PortalDbContext, Task<T>> query) => PortalData.QueryAsync(factory, query);

}
