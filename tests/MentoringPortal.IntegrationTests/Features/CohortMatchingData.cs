using System.Net;
using MentoringPortal.Domain.Matching;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.AdminCohort;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>A programme of its own with waiting applicants, mentors and an administrator of it, for the cohort matching tests.</summary>
public sealed record TestCohort(TestProgramme Programme, IReadOnlyList<Person> Applicants, IReadOnlyList<int> ApplicationIds,
    IReadOnlyList<Person> Mentors, Person Administrator)
{
    public string CohortUrl => $"/admin/programmes/{Programme.Slug}/cohort";
}

/// <summary>Arranges cohorts and drives cohort runs over HTTP.</summary>
public static class CohortMatchingData
{
    /// <summary>A programme where the scheme matches, with the given mentors' capacities and that many waiting applicants.</summary>
    public static async Task<TestCohort> CohortAsync(PortalFactory factory, int applicants, int[] mentorCapacities, int minimumScore = 0)
    {
        var programme = await ApplicationsData.ProgrammeAsync(factory);
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var loaded = await db.Programmes.SingleAsync(p => p.Id == programme.Id);
            loaded.SetMinimumMatchScore(minimumScore);
            await db.SaveChangesAsync();
        });
        var mentors = new List<Person>();
        foreach (var capacity in mentorCapacities)
        {
            mentors.Add(await ApplicationsData.MentorAsync(factory, programme, capacity: capacity));
        }

        var people = new List<Person>();
        var applications = new List<int>();
        for (var i = 0; i < applicants; i++)
        {
            var mentee = await ApplicationsData.MenteeAsync(factory);
            people.Add(mentee);
            applications.Add(await ApplicationsData.ApplyAsync(factory, mentee, programme));
        }

        var admin = await AdminData.AdministratorOfAsync(factory, programme);
        return new TestCohort(programme, people, applications, mentors, admin);
    }

    /// <summary>Presses "Find the best matches" and returns the run's page (from the 303).</summary>
    public static async Task<string> StartRunAsync(HttpClient client, TestCohort cohort)
    {
        using var response = await Forms.SubmitAsync(client, cohort.CohortUrl, formAction: cohort.CohortUrl);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location?.OriginalString ?? throw new InvalidOperationException("No Location.");
        Assert.StartsWith("/admin/cohort-runs/", location, StringComparison.Ordinal);
        return location;
    }

    /// <summary>Reloads the run's page, as its script does, until the proposal (or a failure) is there.</summary>
    public static async Task<string> WaitForProposalAsync(HttpClient client, string runUrl)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var html = await client.GetStringAsync(runUrl);
            if (!html.Contains("data-cohort-progress=", StringComparison.Ordinal))
            {
                return html;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{runUrl} is still working after 60 s.");
            }

            await Task.Delay(200);
        }
    }

    public static Guid RunId(string runUrl) => Guid.Parse(runUrl["/admin/cohort-runs/".Length..]);

    public static Task<CohortRun> RunAsync(PortalFactory factory, string runUrl) =>
        PortalData.QueryAsync(factory, db => db.CohortRuns.AsNoTracking().SingleAsync(r => r.Id == RunId(runUrl)));

    public static async Task<CohortProposalDocument> ProposalAsync(PortalFactory factory, string runUrl) =>
        CohortProposalDocument.FromJson((await RunAsync(factory, runUrl)).ProposalJson)
        ?? throw new InvalidOperationException("The run has no proposal.");

    /// <summary>Pairings started for these applicants, in any programme.</summary>
    public static Task<int> PairingsAsync(PortalFactory factory, TestCohort cohort)
    {
        var ids = cohort.Applicants.Select(a => a.Id).ToList();
        return PortalData.QueryAsync(factory, db => db.Mentorships.CountAsync(m => ids.Contains(m.MenteeId)));
    }

    /// <summary>Emails stored for the cohort's applicants and mentors (sent or not).</summary>
    public static async Task<IReadOnlyList<OutboxMessage>> OutboxAsync(PortalFactory factory, TestCohort cohort)
    {
        var addresses = cohort.Applicants.Concat(cohort.Mentors).Select(p => p.Email).ToList();
        var all = await PortalData.QueryAsync(factory, db => db.OutboxMessages.AsNoTracking().ToListAsync());
        return all.Where(m => addresses.Exists(a => m.To.Contains(a, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    public static Task WithdrawAsync(PortalFactory factory, int applicationId) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var application = await db.MenteeApplications.SingleAsync(a => a.Id == applicationId);
        application.Withdraw(now);
        await db.SaveChangesAsync();
    });

    /// <summary>A run row as a run still working would leave it (not queued for the runner), for the progress page.</summary>
    public static Task<Guid> WorkingRunAsync(PortalFactory factory, TestCohort cohort, int? applicants, int placed, DateTime? startedAt = null) =>
        factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var userId = await db.Users.Where(u => u.Email == cohort.Administrator.Email).Select(u => u.Id).SingleAsync();
        var run = new CohortRun(Guid.NewGuid(), cohort.Programme.Id, userId, CohortChoicesDocument.Empty.ToJson(), startedAt ?? DateTime.UtcNow);
        if (applicants is { } count)
        {
            run.Start(count);
            run.Progress(placed);
        }

        db.CohortRuns.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    });

    public static KeyValuePair<string, string> Pin(ProposedPair pair) => new("Pin", pair.Key);

    public static KeyValuePair<string, string> Drop(ProposedPair pair) => new("Drop", pair.Key);

    public static CohortPairKey Key(ProposedPair pair) => new(pair.ApplicationId, pair.MentorId);
}
