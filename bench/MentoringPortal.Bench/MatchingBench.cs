using System.Diagnostics;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Features;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.Bench;

/// <summary>
/// How long an administrator waits for an applicant's ranked suggestions as the programme grows:
/// the page ranks every mentor of the programme (<see cref="MatchScoring"/>) on each request.
/// </summary>
internal static class MatchingBench
{
    private static readonly int[] ProgrammeSizes = [100, 1_000, 5_000];

    public static async Task RunAsync(PortalFactory portal, int requestsPerUrl)
    {
        var admin = await portal.Data.AdministratorAsync();
        using var client = await portal.Data.SignInAsync(admin);
        Console.WriteLine($"{"Mentors in programme",-22} {"Page",-40} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"Rank() ms",10}");
        foreach (var size in ProgrammeSizes)
        {
            var programme = await portal.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
            await portal.InScopeAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                var loaded = await db.Programmes.SingleAsync(p => p.Id == programme.Id);
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                foreach (var mentor in DirectoryData.Mentors(size, DateTime.UtcNow))
                {
                    mentor.JoinProgramme(loaded, DateOnly.FromDateTime(DateTime.UtcNow));
                    db.Mentors.Add(mentor);
                }

                await db.SaveChangesAsync();
                await db.Database.ExecuteSqlRawAsync("ANALYZE");
            });
            var mentee = await portal.Data.MenteeAsync();
            var applicationId = await portal.Data.ApplyAsync(mentee, programme);
            var rankMs = await TimeRankingAsync(portal, programme.Id, applicationId);

            foreach (var url in new[] { $"/admin/applications/{applicationId}", $"/admin/applications/{applicationId}?all=true" })
            {
                var timings = await Timing.GetAsync(client, url, requestsPerUrl);
                Console.WriteLine($"{size,-22:N0} {url,-40} {Timing.Percentile(timings, 0.50),8:F1} {Timing.Percentile(timings, 0.95),8:F1} {timings[^1],8:F1} {rankMs,10:F2}");
            }
        }
    }

    /// <summary>The pure ranking alone, on facts already in memory (median of 50 runs).</summary>
    private static Task<double> TimeRankingAsync(PortalFactory portal, int programmeId, int applicationId) => portal.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var application = await db.MenteeApplications.Include(a => a.Mentee!).ThenInclude(m => m.Goals).SingleAsync(a => a.Id == applicationId);
        var programme = await db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programmeId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var candidates = (await db.Mentors.AsNoTracking().Where(m => m.Programmes.Any(p => p.Id == programmeId)).ToListAsync())
            .Select(m => MatchCandidate.From(m, today)).ToList();
        var needs = application.Needs();
        var runs = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var watch = Stopwatch.StartNew();
            _ = MatchScoring.Rank(needs, candidates, programme.Weights);
            runs.Add(watch.Elapsed.TotalMilliseconds);
        }

        runs.Sort();
        return Timing.Percentile(runs, 0.5);
    });
}

internal static class Timing
{
    /// <summary>10 warm-up requests, then <paramref name="count"/> timed ones, one at a time; sorted milliseconds.</summary>
    public static async Task<List<double>> GetAsync(HttpClient client, string url, int count)
    {
        for (var i = 0; i < 10; i++)
        {
            using var warm = await client.GetAsync(url);
            warm.EnsureSuccessStatusCode();
        }

        var timings = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            _ = await response.Content.ReadAsByteArrayAsync();
            timings.Add(watch.Elapsed.TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        timings.Sort();
        return timings;
    }

    public static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
