using System.Runtime.InteropServices;

namespace MentoringPortal.Domain.Matching;

/// <summary>A mentor a mentee may be given (by index into the mentors' capacities), with the pairing's score.</summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct CohortOption(int Mentor, int Score);

/// <summary>
/// Exact assignment of mentees to mentors with capacities. As many mentees as possible are matched
/// through the options they are given; among all such assignments, the one with the highest total
/// score is chosen. See docs/decisions/ADR-011-cohort-matching.md.
/// <para>
/// This is a min-cost flow (source → mentee → mentor → sink, capacities 1 and the mentor's free
/// places, cost −score) solved by successive shortest paths, one mentee at a time, with Dijkstra
/// over reduced costs (node potentials). Each mentee may also stay unmatched at a cost larger than
/// any total of scores, so an extra match always beats any trade of scores, and an earlier mentee
/// can still be moved or left out when a later one needs the place more.
/// </para>
/// </summary>
public static class CohortOptimiser
{
    private const long Unreached = long.MaxValue / 4;

    /// <param name="options">For each mentee, the mentors they may be given (each at most once) and the score.</param>
    /// <param name="capacities">For each mentor, how many more mentees they can take.</param>
    /// <param name="progress">Told how many mentees have been placed so far.</param>
    /// <param name="cancellationToken">Stops the work between two mentees.</param>
    /// <returns>For each mentee, the index of their mentor, or null when they stay unmatched.</returns>
    public static int?[] Solve(IReadOnlyList<IReadOnlyList<CohortOption>> options, IReadOnlyList<int> capacities,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(capacities);
        return new Solver(options, capacities).Run(progress, cancellationToken);
    }

    private sealed class Solver
    {
        private readonly int _mentees;
        private readonly int _mentors;
        private readonly int[][] _optionMentor;
        private readonly int[][] _optionScore;
        private readonly int[] _capacity;
        private readonly long _unmatchedCost;

        // Potentials: mentees 0.._mentees-1, mentors next, the sink last.
        private readonly long[] _potential;
        private readonly int[] _mentorOf;
        private readonly int[] _scoreOf;
        private readonly List<int>[] _menteesOf;

        // Dijkstra's working arrays, reused for every mentee.
        private readonly long[] _mentorDistance;
        private readonly bool[] _mentorDone;
        private readonly int[] _mentorReachedFrom;
        private readonly long[] _menteeDistance;

        public Solver(IReadOnlyList<IReadOnlyList<CohortOption>> options, IReadOnlyList<int> capacities)
        {
            _mentees = options.Count;
            _mentors = capacities.Count;
            _capacity = capacities.Select(c => c >= 0 ? c : throw new ArgumentException("A capacity cannot be negative.", nameof(capacities))).ToArray();
            _optionMentor = new int[_mentees][];
            _optionScore = new int[_mentees][];
            var best = 0;
            for (var i = 0; i < _mentees; i++)
            {
                var own = options[i];
                _optionMentor[i] = new int[own.Count];
                _optionScore[i] = new int[own.Count];
                var seen = new HashSet<int>();
                for (var k = 0; k < own.Count; k++)
                {
                    var (mentor, score) = own[k];
                    if (mentor < 0 || mentor >= _mentors || !seen.Add(mentor))
                    {
                        throw new ArgumentException($"Mentee {i} has an unknown or repeated mentor {mentor}.", nameof(options));
                    }

                    if (score < 0)
                    {
                        throw new ArgumentException("Scores cannot be negative.", nameof(options));
                    }

                    _optionMentor[i][k] = mentor;
                    _optionScore[i][k] = score;
                    best = Math.Max(best, score);
                }
            }

            // More than any total of scores, so no trade of scores can outweigh one more match.
            _unmatchedCost = ((long)_mentees + 1) * (best + 1);
            _potential = new long[_mentees + _mentors + 1];
            _mentorOf = Enumerable.Repeat(-1, _mentees).ToArray();
            _scoreOf = new int[_mentees];
            _menteesOf = Enumerable.Range(0, _mentors).Select(_ => new List<int>()).ToArray();
            _mentorDistance = new long[_mentors];
            _mentorDone = new bool[_mentors];
            _mentorReachedFrom = new int[_mentors];
            _menteeDistance = new long[_mentees];
            SetStartingPotentials();
        }

        private int Sink => _mentees + _mentors;

        public int?[] Run(IProgress<int>? progress, CancellationToken cancellationToken)
        {
            var step = Math.Max(1, _mentees / 100);
            for (var mentee = 0; mentee < _mentees; mentee++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Place(mentee);
                if (progress is not null && ((mentee + 1) % step == 0 || mentee + 1 == _mentees))
                {
                    progress.Report(mentee + 1);
                }
            }

            return _mentorOf.Select(m => m < 0 ? (int?)null : m).ToArray();
        }

        /// <summary>Valid potentials for the empty assignment: every residual edge gets a reduced cost of at least zero.</summary>
        private void SetStartingPotentials()
        {
            for (var i = 0; i < _mentees; i++)
            {
                for (var k = 0; k < _optionMentor[i].Length; k++)
                {
                    var node = _mentees + _optionMentor[i][k];
                    _potential[node] = Math.Min(_potential[node], -_optionScore[i][k]);
                }
            }

            var sink = 0L;
            for (var j = 0; j < _mentors; j++)
            {
                if (_capacity[j] > 0)
                {
                    sink = Math.Min(sink, _potential[_mentees + j]);
                }
            }

            _potential[Sink] = sink;
        }

        /// <summary>Finds the cheapest way to give this mentee a mentor (or none), moving others along the way.</summary>
        private void Place(int source)
        {
            Array.Fill(_mentorDistance, Unreached);
            Array.Fill(_mentorDone, false);
            Array.Fill(_menteeDistance, Unreached);
            var sinkDistance = Unreached;
            var sinkFromMentor = -1;
            var sinkFromMentee = -1;

            void Reach(int mentee, long distance)
            {
                _menteeDistance[mentee] = distance;
                var own = _potential[mentee];
                var mentors = _optionMentor[mentee];
                var scores = _optionScore[mentee];
                for (var k = 0; k < mentors.Length; k++)
                {
                    var mentor = mentors[k];
                    if (mentor == _mentorOf[mentee] || _mentorDone[mentor])
                    {
                        continue;
                    }

                    var through = distance - scores[k] + own - _potential[_mentees + mentor];
                    if (through < _mentorDistance[mentor])
                    {
                        _mentorDistance[mentor] = through;
                        _mentorReachedFrom[mentor] = mentee;
                    }
                }

                var unmatched = distance + _unmatchedCost + own - _potential[Sink];
                if (unmatched < sinkDistance)
                {
                    sinkDistance = unmatched;
                    sinkFromMentor = -1;
                    sinkFromMentee = mentee;
                }
            }

            Reach(source, 0);
            while (true)
            {
                var next = -1;
                var nearest = Unreached;
                for (var j = 0; j < _mentors; j++)
                {
                    if (!_mentorDone[j] && _mentorDistance[j] < nearest)
                    {
                        nearest = _mentorDistance[j];
                        next = j;
                    }
                }

                if (next < 0 || nearest >= sinkDistance)
                {
                    break;
                }

                _mentorDone[next] = true;
                var node = _mentees + next;
                if (_menteesOf[next].Count < _capacity[next])
                {
                    var free = nearest + _potential[node] - _potential[Sink];
                    if (free < sinkDistance)
                    {
                        sinkDistance = free;
                        sinkFromMentor = next;
                        sinkFromMentee = -1;
                    }
                }

                foreach (var mentee in _menteesOf[next])
                {
                    Reach(mentee, nearest + _scoreOf[mentee] + _potential[node] - _potential[mentee]);
                }
            }

            UpdatePotentials(sinkDistance);
            Augment(source, sinkFromMentor, sinkFromMentee);
        }

        /// <summary>Adds each node's distance, capped at the sink's, so reduced costs stay at least zero.</summary>
        private void UpdatePotentials(long sinkDistance)
        {
            for (var i = 0; i < _mentees; i++)
            {
                _potential[i] += Math.Min(_menteeDistance[i], sinkDistance);
            }

            for (var j = 0; j < _mentors; j++)
            {
                _potential[_mentees + j] += Math.Min(_mentorDistance[j], sinkDistance);
            }

            _potential[Sink] += sinkDistance;
        }

        /// <summary>Walks the path back from the sink, moving each mentee on it to the mentor after them.</summary>
        private void Augment(int source, int lastMentor, int leftUnmatched)
        {
            var mentor = lastMentor;
            if (mentor < 0)
            {
                var previous = _mentorOf[leftUnmatched];
                Unassign(leftUnmatched);
                if (leftUnmatched == source)
                {
                    return;
                }

                mentor = previous;
            }

            while (true)
            {
                var mentee = _mentorReachedFrom[mentor];
                var previous = _mentorOf[mentee];
                if (previous >= 0)
                {
                    Unassign(mentee);
                }

                Assign(mentee, mentor);
                if (mentee == source)
                {
                    return;
                }

                mentor = previous;
            }
        }

        private void Assign(int mentee, int mentor)
        {
            _mentorOf[mentee] = mentor;
            _scoreOf[mentee] = _optionScore[mentee][Array.IndexOf(_optionMentor[mentee], mentor)];
            _menteesOf[mentor].Add(mentee);
        }

        private void Unassign(int mentee)
        {
            var mentor = _mentorOf[mentee];
            if (mentor >= 0)
            {
                _menteesOf[mentor].Remove(mentee);
            }

            _mentorOf[mentee] = -1;
        }
    }
}
