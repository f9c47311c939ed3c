using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MentoringPortal.Domain;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.Bench;

/// <summary>
/// Whole-cohort matching (<see cref="CohortMatching.Propose"/>: scoring every applicant against every
/// mentor, then the exact optimiser) on realistic synthetic cohorts, and the optimiser alone on the
/// same cohorts' options. A short job (1 warm-up, 5 measured iterations, in process) so it runs in a
/// few minutes on 2 cores: <c>dotnet run -c Release --project bench/MentoringPortal.Bench -- cohort</c>.
/// </summary>
[Config(typeof(Settings))]
[MemoryDiagnoser]
public class CohortBench
{
    private IReadOnlyList<CohortApplicant> _applicants = [];
    private IReadOnlyList<MatchCandidate> _mentors = [];
    private IReadOnlyList<IReadOnlyList<CohortOption>> _options = [];
    private int[] _capacities = [];

    /// <summary>Mentees × mentors.</summary>
    [Params("100x100", "1000x1000", "2000x500")]
    public string Size { get; set; } = "100x100";

    [GlobalSetup]
    public void Setup()
    {
        var parts = Size.Split('x');
        var cohort = CohortData.Create(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), seed: 2026);
        _applicants = cohort.Applicants;
        _mentors = cohort.Mentors;
        _capacities = _mentors.Select(m => m.FreePlaces).ToArray();
        _options = _applicants.Select(a => (IReadOnlyList<CohortOption>)_mentors
                .Select((m, j) => (m, j))
                .Where(x => MatchScoring.WhyExcluded(a.Needs, x.m) is null)
                .Select(x => new CohortOption(x.j, MatchScoring.Score(a.Needs, x.m, MatchingWeights.Default).Score))
                .Where(o => o.Score >= CohortData.MinimumScore)
                .ToList())
            .ToList();
    }

    [Benchmark(Description = "Propose (score + optimise)")]
    public CohortProposal Propose() =>
        CohortMatching.Propose(_applicants, _mentors, MatchingWeights.Default, CohortData.MinimumScore, CohortChoices.None);

    [Benchmark(Description = "Optimiser alone")]
    public int?[] Optimise() => CohortOptimiser.Solve(_options, _capacities);

    private sealed class Settings : ManualConfig
    {
        public Settings()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithId("Short"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
            AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance);
            AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub);
        }
    }
}

/// <summary>A synthetic cohort: applicants with three goals by horizon, regions, backgrounds, organisations and some conflicts; mentors with expertise and 1–3 places.</summary>
public sealed record CohortData(IReadOnlyList<CohortApplicant> Applicants, IReadOnlyList<MatchCandidate> Mentors)
{
    public const int MinimumScore = 30;

    private static readonly string[] Topics =
    [
        "leadership", "service redesign", "quality improvement", "research", "teaching", "medical education", "management",
        "clinical governance", "patient safety", "wellbeing", "resilience", "negotiation", "budgets", "recruitment",
        "consultant interviews", "academic writing", "grant applications", "simulation", "digital health", "public speaking",
        "less than full time working", "returning after leave", "exam preparation", "portfolio", "appraisal", "coaching",
        "team building", "conflict resolution", "strategy", "commissioning", "innovation", "audit", "diversity", "inclusion",
    ];

    private static readonly string[] Organisations =
    [
        "St Elsewhere Hospital", "County General", "Royal Infirmary", "University Hospital", "City Health Board",
        "Northern Trust", "Southern Trust", "Riverside Practice", "Hill Top Surgery", "Medical School",
    ];

    public static CohortData Create(int menteeCount, int mentorCount, int seed)
    {
        var random = new Random(seed);
        string Pick(IReadOnlyList<string> list) => list[random.Next(list.Count)];
        string Topics3() => $"{Pick(Topics)}, {Pick(Topics)} and {Pick(Topics)}";

        var mentors = new List<MatchCandidate>(mentorCount);
        for (var j = 0; j < mentorCount; j++)
        {
            var modes = (MeetingModes)random.Next(1, 8);
            mentors.Add(new MatchCandidate(j + 1, $"Dr Mentor {j + 1:D4} {Pick(["Smith", "Jones", "Patel", "Khan", "Brown", "Okafor"])}",
                Pick(ProfileOptions.Specialties), Pick(ProfileOptions.Regions), Pick(ProfileOptions.Backgrounds), Pick(Organisations),
                $"Experience of {Topics3()}; has supported colleagues with {Topics3()}.", modes, random.Next(1, 4), Unavailable: null));
        }

        var applicants = new List<CohortApplicant>(menteeCount);
        for (var i = 0; i < menteeCount; i++)
        {
            var goals = new List<HorizonGoal>
            {
                new(GoalHorizon.ShortTerm, $"Get better at {Pick(Topics)} in my current post."),
                new(GoalHorizon.MediumTerm, $"Lead a project on {Pick(Topics)} and {Pick(Topics)}."),
                new(GoalHorizon.LongTerm, $"Become known for {Pick(Topics)} across the region."),
            };
            var conflicts = random.Next(10) == 0 ? new[] { $"Mentor {random.Next(1, mentorCount + 1):D4}" } : [];
            var needs = new MenteeNeeds(goals, Pick(ProfileOptions.Regions), Pick(ProfileOptions.Backgrounds), Pick(Organisations),
                AvoidOwnOrganisation: random.Next(3) == 0, conflicts, (MeetingModes)random.Next(0, 8), new HashSet<int>());
            applicants.Add(new CohortApplicant(i + 1, $"Applicant {i + 1:D4}", needs));
        }

        return new CohortData(applicants, mentors);
    }
}
