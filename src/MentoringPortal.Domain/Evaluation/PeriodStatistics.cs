namespace MentoringPortal.Domain.Evaluation;

/// <summary>The middle and the mean of a set of durations or counts, for a report's figures.</summary>
public sealed record Spread(int Count, double? Median, double? Average)
{
    public static Spread Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return new Spread(0, null, null);
        }

        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(sorted.Count, median, sorted.Average());
    }
}
