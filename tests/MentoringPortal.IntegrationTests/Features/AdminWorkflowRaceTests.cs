using System.Globalization;
using System.Net;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// The administrators', programme and parked-email workflows run as one unit each: the same change
/// posted twice at once is kept once, audited once, and neither post fails.
/// </summary>
public sealed class AdminWorkflowRaceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AddAdministrator_TwiceAtOnce_AddedAndAuditedOnce()
    {
        var programme = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches, name: "Race");
        var person = await factory.Data.MentorAsync();
        var fields = new Dictionary<string, string>
        {
            ["Email"] = person.Email,
            ["Scope"] = "some",
            ["ProgrammeIds"] = programme.Id.ToString(CultureInfo.InvariantCulture),
        };

        var results = await Races.RunAsync(await RacersAsync("/admin/administrators/new", "/admin/administrators/new", fields));

        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Answered {(int)r.StatusCode}"));
        Assert.Contains(results, r => r.StatusCode == HttpStatusCode.Redirect);
        var added = Assert.Single(await factory.Data.AuditAsync(AuditActions.AdministratorAdded, person.Email));
        Assert.Equal("Only " + programme.Name, added.After);
        var userId = await factory.Data.UserIdAsync(person.Email);
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.ProgrammeAdministrators.CountAsync(a => a.UserId == userId)));
        Assert.True(await IsAdministratorAsync(person.Email));
    }

    [Fact]
    public async Task RemoveAdministrator_TwiceAtOnce_RemovedAndAuditedOnce()
    {
        var programme = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches, name: "Race");
        var limited = await factory.Data.AdministratorAsync(programme);
        var userId = await factory.Data.UserIdAsync(limited.Email);
        var url = $"/admin/administrators/{userId}/remove";

        var results = await Races.RunAsync(await RacersAsync(url, url));

        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"Answered {(int)r.StatusCode}"));
        Assert.Contains(results, r => r.StatusCode == HttpStatusCode.Redirect);
        var removed = Assert.Single(await factory.Data.AuditAsync(AuditActions.AdministratorRemoved, limited.Email));
        Assert.Equal("Only " + programme.Name, removed.Before);
        Assert.False(await IsAdministratorAsync(limited.Email));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.ProgrammeAdministrators.CountAsync(a => a.UserId == userId)));
    }

    [Fact]
    public async Task CreateProgramme_SameNameTwiceAtOnce_OneProgrammeOneAuditRow_OtherToldTheNameIsTaken()
    {
        var name = "Race programme " + Guid.NewGuid().ToString("N")[..6];
        var fields = new Dictionary<string, string>
        {
            ["Name"] = name,
            ["Summary"] = "Created twice at once.",
            ["MatchingMode"] = nameof(MatchingMode.SchemeMatches),
            ["MeetingCadenceWeeks"] = "6",
            ["EvaluationPointMonths"] = "9",
            ["ProposalAnswerDays"] = "7",
            ["OpenForApplications"] = "false",
            ["TrainingValidityMonths"] = "24",
            ["Expertise"] = "4",
            ["DifferentBackground"] = "8",
            ["SameRegion"] = "2",
            ["MeetingMode"] = "2",
            ["FreePlaces"] = "1",
            ["MinimumMatchScore"] = "0",
        };

        var results = await Races.RunAsync(await RacersAsync("/admin/programmes/new", "/admin/programmes/new", fields));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Contains("A programme with this name already exists", refused.Body, StringComparison.Ordinal);
        var slug = Programme.SlugFor(name);
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.Programmes.CountAsync(p => p.Slug == slug)));
        Assert.Single(await factory.Data.AuditAsync(AuditActions.ProgrammeCreated, name));
    }

    [Fact]
    public async Task RetryParkedEmail_TwiceAtOnce_QueuedAndAuditedOnce()
    {
        var to = Unique.Email("race-retry");
        var id = await ParkedEmailAsync(to);
        var url = $"/admin/emails/parked/{id}/retry";

        var results = await Races.RunAsync(await RacersAsync("/admin/emails/parked", url));

        Assert.All(results, r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.NotFound, $"Answered {(int)r.StatusCode}"));
        Assert.Contains(results, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.AuditEntries.CountAsync(a =>
            a.Action == AuditActions.ParkedEmailRetried && a.Subject.Contains(to))));
        await factory.Mailbox.WaitForAsync(to, TimeSpan.FromSeconds(20));
    }

    /// <summary>Two administrators of every programme, each signed in on their own, posting the same form.</summary>
    private async Task<List<Racer>> RacersAsync(string pageUrl, string postUrl, IReadOnlyDictionary<string, string>? fields = null)
    {
        var racers = new List<Racer>();
        for (var i = 0; i < 2; i++)
        {
            var administrator = await factory.Data.AdministratorAsync();
            racers.Add(new Racer(await factory.Data.SignInAsync(administrator), pageUrl, postUrl, fields));
        }

        return racers;
    }

    private Task<bool> IsAdministratorAsync(string email) => factory.InScopeAsync(async services =>
    {
        var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}.");
        return await users.IsInRoleAsync(user, Roles.Administrator);
    });

    /// <summary>An email the outbox already gave up on, due only tomorrow so the dispatcher leaves it alone until retried.</summary>
    private Task<long> ParkedEmailAsync(string to) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var message = new OutboxMessage(to, "Your pairing has started", "Body.", "<p>Body.</p>", DateTime.UtcNow.AddDays(1));
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        var now = DateTime.UtcNow;
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ParkedAt, now)
            .SetProperty(m => m.ParkedReason, "Not sent after 12 attempts: Connection refused")
            .SetProperty(m => m.Attempts, 3));
        return message.Id;
    });
}
