using System.Net;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Requests;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Capacity is never exceeded, even when acceptances race on PostgreSQL.</summary>
public sealed class CapacityRaceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int Racers = 20;

    [Fact]
    public async Task Accept_TwentyAtOnceForOneFreePlace_ExactlyOnePairingAndNineteenFullAnswers()
    {
        var mentor = await factory.Data.MentorAsync(capacity: 1);
        var requestIds = new List<int>();
        for (var i = 0; i < Racers; i++)
        {
            var mentee = await factory.Data.MenteeAsync();
            requestIds.Add(await factory.Data.RequestAsync(mentee, mentor));
        }

        // One signed-in browser per acceptance, each with its own antiforgery token, all fired at once.
        var racers = new List<Racer>();
        for (var i = 0; i < Racers; i++)
        {
            racers.Add(new Racer(await factory.Data.SignInAsync(mentor), "/mentor/requests",
                $"/mentor/requests/{requestIds[i]}/accept"));
        }

        var posts = await Races.RunAsync(racers);
        var results = new List<(HttpStatusCode StatusCode, string page)>();
        for (var i = 0; i < Racers; i++)
        {
            results.Add((posts[i].StatusCode, await racers[i].Client.GetStringAsync("/mentor/requests")));
        }

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, results.Count(r => r.page.Contains("Request accepted", StringComparison.Ordinal)));
        Assert.Equal(Racers - 1, results.Count(r => r.page.Contains("full capacity", StringComparison.Ordinal)));

        var state = await factory.Data.QueryAsync(async db => new
        {
            Pairings = await db.Pairings.CountAsync(m => m.MentorId == mentor.Id && m.Status == PairingStatus.Active),
            Used = await db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.ActiveMenteeCount).SingleAsync(),
            Accepted = await db.ContactRequests.CountAsync(r => r.MentorId == mentor.Id && r.Status == ContactRequestStatus.Accepted),
            StillPending = await db.ContactRequests.CountAsync(r => r.MentorId == mentor.Id && r.Status == ContactRequestStatus.Pending),
        });
        Assert.Equal(1, state.Pairings);
        Assert.Equal(1, state.Used);
        Assert.Equal(1, state.Accepted);
        Assert.Equal(Racers - 1, state.StillPending);
        racers.ForEach(r => r.Client.Dispose());
    }

    [Fact]
    public async Task Database_RejectsMoreActiveMenteesThanCapacity()
    {
        var mentor = await factory.Data.MentorAsync(capacity: 1);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => factory.Data.QueryAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE \"Mentors\" SET \"ActiveMenteeCount\" = 2 WHERE \"Id\" = {mentor.Id}")));
        Assert.Contains("CK_Mentors_ActiveWithinCapacity", error.Message, StringComparison.Ordinal);
    }
}
