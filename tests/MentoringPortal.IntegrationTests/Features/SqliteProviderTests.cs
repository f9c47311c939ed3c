using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The embedded default: the demo portal on a fresh SQLite file, walked through both journeys.</summary>
public sealed class SqliteProviderTests(SqlitePortal portal) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task DemoData_OnSqlite_TraineeContactsAndMentorAccepts()
    {
        using var mentee = await portal.CreateSignedInClientAsync("mentee1@demo.test", DemoSeed.Password);
        var mentors = await mentee.GetStringAsync("/mentors?accepting=true&q=parental");
        Assert.Contains("mentors found", mentors, StringComparison.Ordinal);

        using (var contact = await Forms.SubmitAsync(mentee, "/mentors/1", new Dictionary<string, string>
        {
            ["Message"] = "I am returning after parental leave and would value your experience.",
        }, formAction: "/mentors/1/contact"))
        {
            Assert.Equal(HttpStatusCode.Redirect, contact.StatusCode);
        }

        using var mentor = await portal.CreateSignedInClientAsync("mentor1@demo.test", DemoSeed.Password);
        var requestId = await portal.Data.QueryAsync(db => db.ContactRequests
            .Where(r => r.Mentee!.UserId == db.Users.Where(u => u.Email == "mentee1@demo.test").Select(u => u.Id).First())
            .Select(r => r.Id).SingleAsync());
        using (var accept = await Forms.SubmitAsync(mentor, "/mentor/requests", formAction: $"/mentor/requests/{requestId}/accept"))
        {
            Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        }

        Assert.Contains("Request accepted", await mentor.GetStringAsync("/mentor/requests"), StringComparison.Ordinal);
        Assert.Equal(1, await portal.Data.QueryAsync(db => db.Mentors.Where(m => m.Id == 1).Select(m => m.ActiveMenteeCount).SingleAsync()));
    }
}
