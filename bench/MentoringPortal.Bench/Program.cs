using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using MentoringPortal.Bench;
using MentoringPortal.IntegrationTests.Features;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Two benchmarks, through the app's real HTTP pipeline (in-process test server, so no socket time),
// on the PostgreSQL that test.sh starts:
//   ./test.sh dotnet run -c Release --project bench/MentoringPortal.Bench [-- requests-per-url]
//       directory page latency with 10,000 mentors;
//   ./test.sh dotnet run -c Release --project bench/MentoringPortal.Bench -- matching [requests-per-url]
//       an applicant's ranked suggestions with 100, 1,000 and 5,000 mentors in the programme;
//   ./test.sh dotnet run -c Release --project bench/MentoringPortal.Bench -- restart [seconds]
//       a PostgreSQL restart under load, on a PostgreSQL of the bench's own (docs/operations.md).
// A command that fills a PostgreSQL database of your own for the directory load benchmark (bench/directory-load.sh):
//   dotnet run -c Release --project bench/MentoringPortal.Bench -- seed N "<PostgreSQL connection string>"
// And one BenchmarkDotNet benchmark that needs no server (in memory, no database):
//   dotnet run -c Release --project bench/MentoringPortal.Bench -- cohort
//       whole-cohort matching (CohortMatching.Propose, and the optimiser alone) for 100×100,
//       1,000×1,000 and 2,000×500 mentees × mentors.
if (args.Length > 0 && args[0] == "seed")
{
    Environment.ExitCode = await DirectorySeed.RunAsync(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "cohort")
{
    BenchmarkRunner.Run<CohortBench>(args: args[1..]);
    return;
}

var matching = args.Length > 0 && args[0] == "matching";
var restart = args.Length > 0 && args[0] == "restart";
var numbers = args.Where(a => a is not "matching" and not "restart").ToArray();
var requestsPerUrl = numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 200;
const int mentorCount = 10_000;
string[] urls =
[
    "/mentors",
    "/mentors?page=250",
    "/mentors?q=service+redesign",
    "/mentors?specialty=Cardiology&region=London&accepting=true&sort=places",
    "/mentors?q=leadership&mode=Video&accepting=true&sort=name&page=5",
];

// Outside a test host, WebApplicationFactory finds the web project's folder through this variable.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "MentoringPortal.Web")))
{
    root = root.Parent;
}

Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_MENTORINGPORTAL_WEB",
    Path.Combine(root?.FullName ?? throw new InvalidOperationException("Run from the repository."), "src", "MentoringPortal.Web"));

// Only warnings from the app, so the figures are readable.
Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Default", "Warning");
Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Override__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware", "Warning");
Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Override__Microsoft.Hosting.Lifetime", "Warning");
if (restart)
{
    await RestartBench.RunAsync(numbers.Length > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 30);
    return;
}

await using var portal = await PortalFactory.CreateAsync();
if (matching)
{
    await MatchingBench.RunAsync(portal, requestsPerUrl);
    return;
}

var programmeId = (await portal.Data.SharedProgrammeAsync()).Id;
var seeding = Stopwatch.StartNew();
await portal.InScopeAsync(async services =>
{
    var db = services.GetRequiredService<PortalDbContext>();
    var programme = await db.Programmes.SingleAsync(p => p.Id == programmeId);
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    foreach (var mentor in DirectoryData.Mentors(mentorCount, DateTime.UtcNow))
    {
        mentor.JoinProgramme(programme, DateOnly.FromDateTime(DateTime.UtcNow));
        db.Mentors.Add(mentor);
    }

    await db.SaveChangesAsync();
    await db.Database.ExecuteSqlRawAsync("ANALYZE");
});
Console.WriteLine($"Seeded {mentorCount:N0} mentors in {seeding.Elapsed.TotalSeconds:F1} s");

using var client = portal.CreateClientNoRedirect();
Console.WriteLine($"{"URL",-72} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
foreach (var url in urls)
{
    var timings = await Timing.GetAsync(client, url, requestsPerUrl);
    Console.WriteLine($"{url,-72} {Percentile(timings, 0.50),8:F1} {Percentile(timings, 0.95),8:F1} {timings[^1],8:F1}");
}

static double Percentile(List<double> sorted, double p) => Timing.Percentile(sorted, p);
