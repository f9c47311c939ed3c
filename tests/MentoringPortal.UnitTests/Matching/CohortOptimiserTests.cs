using MentoringPortal.Domain.Matching;

namespace MentoringPortal.UnitTests.Matching;

/// <summary>
/// The cohort optimiser against brute force: on small random instances it must match as many
/// mentees as any assignment can, with the highest total score among those, within capacities and
/// only through the options given.
/// </summary>
public sealed class CohortOptimiserTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomSmallInstances_MatchBruteForce(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var mentees = random.Next(0, 7);
            var mentors = random.Next(0, 5);
            var capacities = Enumerable.Range(0, mentors).Select(_ => random.Next(0, 3)).ToArray();
            var options = Enumerable.Range(0, mentees)
                .Select(_ => (IReadOnlyList<CohortOption>)Enumerable.Range(0, mentors)
                    .Where(_ => random.NextDouble() < 0.6)
                    .Select(j => new CohortOption(j, random.Next(0, 20)))
                    .OrderBy(_ => random.Next())
                    .ToList())
                .ToList();

            var assignment = CohortOptimiser.Solve(options, capacities);

            var (count, total) = Check(options, capacities, assignment);
            var best = BruteForce(options, capacities);
            Assert.True(best == (count, total),
                $"seed {seed} round {round}: optimiser matched {count} for {total}, brute force {best.Count} for {best.Total}");
        }
    }

    [Fact]
    public void PrefersMatchingEveryoneOverAHigherScoreForOne()
    {
        // A alone would score 10 with X; matching both (A with Y, B with X) scores only 2, but nobody is left out.
        var options = new List<IReadOnlyList<CohortOption>>
        {
            new[] { new CohortOption(0, 10), new CohortOption(1, 1) },
            new[] { new CohortOption(0, 1) },
        };

        var assignment = CohortOptimiser.Solve(options, [1, 1]);

        Assert.Equal([1, 0], assignment);
    }

    [Fact]
    public void LaterMenteeCanTakeAPlaceFromAnEarlierOneWhenItScoresHigher()
    {
        var options = new List<IReadOnlyList<CohortOption>>
        {
            new[] { new CohortOption(0, 1) },
            new[] { new CohortOption(0, 10) },
        };

        var assignment = CohortOptimiser.Solve(options, [1]);

        Assert.Equal([null, 0], assignment);
    }

    [Fact]
    public void NeverExceedsCapacity()
    {
        var options = Enumerable.Range(0, 10)
            .Select(_ => (IReadOnlyList<CohortOption>)new[] { new CohortOption(0, 5), new CohortOption(1, 3) })
            .ToList();

        var assignment = CohortOptimiser.Solve(options, [3, 2]);

        Assert.Equal(3, assignment.Count(a => a == 0));
        Assert.Equal(2, assignment.Count(a => a == 1));
        Assert.Equal(5, assignment.Count(a => a is null));
    }

    [Fact]
    public void MenteeWithoutOptions_StaysUnmatched()
    {
        var assignment = CohortOptimiser.Solve([Array.Empty<CohortOption>()], [2]);

        Assert.Equal([null], assignment);
    }

    [Fact]
    public void RepeatedMentor_IsRefused()
    {
        var options = new List<IReadOnlyList<CohortOption>> { new[] { new CohortOption(0, 1), new CohortOption(0, 2) } };

        Assert.Throws<ArgumentException>(() => CohortOptimiser.Solve(options, [1]));
    }

    [Fact]
    public void ReportsProgressUpToEveryMentee()
    {
        var options = Enumerable.Range(0, 250)
            .Select(i => (IReadOnlyList<CohortOption>)new[] { new CohortOption(i % 10, i % 7) })
            .ToList();
        var reports = new List<int>();

        CohortOptimiser.Solve(options, Enumerable.Repeat(30, 10).ToArray(), new SynchronousProgress(reports.Add));

        Assert.Equal(250, reports[^1]);
        Assert.True(reports.SequenceEqual(reports.Order()));
    }

    private static (int Count, int Total) Check(List<IReadOnlyList<CohortOption>> options, int[] capacities, int?[] assignment)
    {
        Assert.Equal(options.Count, assignment.Length);
        var used = new int[capacities.Length];
        var total = 0;
        for (var i = 0; i < assignment.Length; i++)
        {
            if (assignment[i] is int mentor)
            {
                var option = Assert.Single(options[i], o => o.Mentor == mentor);
                used[mentor]++;
                total += option.Score;
            }
        }

        for (var j = 0; j < capacities.Length; j++)
        {
            Assert.True(used[j] <= capacities[j], $"mentor {j} has {used[j]} mentees for {capacities[j]} places");
        }

        return (assignment.Count(a => a is not null), total);
    }

    private static (int Count, int Total) BruteForce(List<IReadOnlyList<CohortOption>> options, int[] capacities)
    {
        var used = new int[capacities.Length];
        var best = (Count: 0, Total: 0);

        void Visit(int mentee, int count, int total)
        {
            if (mentee == options.Count)
            {
                if (count > best.Count || (count == best.Count && total > best.Total))
                {
                    best = (count, total);
                }

                return;
            }

            Visit(mentee + 1, count, total);
            foreach (var option in options[mentee])
            {
                if (used[option.Mentor] < capacities[option.Mentor])
                {
                    used[option.Mentor]++;
                    Visit(mentee + 1, count + 1, total + option.Score);
                    used[option.Mentor]--;
                }
            }
        }

        Visit(0, 0, 0);
        return best;
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
