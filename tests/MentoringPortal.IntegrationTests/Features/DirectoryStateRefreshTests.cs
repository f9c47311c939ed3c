using System.Net;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Dates and programmes move the stored directory state; the job catches up, and the profile never waits for it.</summary>
public sealed class DirectoryStateRefreshTests(ClockedPortal factory) : IClassFixture<ClockedPortal>
{
    [Fact]
    public async Task TrainingExpires_ProfileIsGoneAtOnce_DirectoryAfterTheJob()
    {
        var clock = factory.Clock!;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var mentor = await factory.Data.MentorAsync(name: "Dr Expiring Okapi", trainingExpiresOn: today.AddDays(1));
        using var client = factory.CreateClientNoRedirect();
        Assert.Contains("Dr Expiring Okapi", await client.GetStringAsync("/mentors?q=okapi"), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(3));

        using (var profile = await client.GetAsync($"/mentors/{mentor.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
        }

        await RunJobAsync();
        Assert.Equal(DirectoryState.Hidden, await StateAsync(mentor.Id));
        Assert.Contains("0 mentors found", await client.GetStringAsync("/mentors?q=okapi"), StringComparison.Ordinal);
        Assert.Equal(0, await RunJobAsync());
    }

    [Fact]
    public async Task PauseEnds_TheJobMakesThemAcceptingAgain()
    {
        var clock = factory.Clock!;
        var mentor = await factory.Data.MentorAsync(name: "Dr Pausing Tapir");
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            (await db.Mentors.SingleAsync(m => m.Id == mentor.Id)).SetAvailability(AvailabilityStatus.Paused, today.AddDays(2), today);
            await db.SaveChangesAsync();
        });
        using var client = factory.CreateClientNoRedirect();
        Assert.Contains("0 mentors found", await client.GetStringAsync("/mentors?q=tapir&accepting=true"), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(2));
        await factory.InScopeAsync(services => services.GetRequiredService<PauseEnding>().ResumeDueAsync(CancellationToken.None));

        Assert.Equal(DirectoryState.Accepting, await StateAsync(mentor.Id));
        Assert.Contains("1 mentor found", await client.GetStringAsync("/mentors?q=tapir&accepting=true"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgrammeNoLongerLetsMenteesChoose_ItsMentorsLeaveTheDirectory()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme, name: "Dr Switching Quoll");
        Assert.Equal(DirectoryState.Accepting, await StateAsync(mentor.Id));

        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var loaded = await db.Programmes.SingleAsync(p => p.Id == programme.Id);
            loaded.Update(loaded.Name, loaded.Summary, MatchingMode.SchemeMatches, loaded.MeetingCadenceWeeks, loaded.EvaluationPointMonths,
                loaded.OpenForApplications, loaded.TrainingValidityMonths);
            await db.SaveChangesAsync();
        });
        await RunJobAsync();

        Assert.Equal(DirectoryState.Hidden, await StateAsync(mentor.Id));
        using var client = factory.CreateClientNoRedirect();
        Assert.Contains("0 mentors found", await client.GetStringAsync("/mentors?q=quoll"), StringComparison.Ordinal);
    }

    private Task<int> RunJobAsync() =>
        factory.InScopeAsync(services => services.GetRequiredService<DirectoryStateRefresh>().RunAsync(CancellationToken.None));

    private Task<DirectoryState> StateAsync(int mentorId) =>
        factory.Data.QueryAsync(db => db.Mentors.Where(m => m.Id == mentorId).Select(m => m.DirectoryState).SingleAsync());
}
