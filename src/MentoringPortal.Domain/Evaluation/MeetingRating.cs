using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;

namespace MentoringPortal.Domain.Evaluation;

/// <summary>
/// One member's answer to "How useful was this meeting?", 1 to 5, with an optional comment. It is
/// private to the member who gave it: the other member and the scheme never see it one by one,
/// only in anonymous aggregates (<see cref="MeetingRatingSummary"/>), and the comment never.
/// </summary>
public sealed class MeetingRating
{
    public const int Lowest = 1;
    public const int Highest = 5;
    public const int MaxCommentLength = 1000;

    private MeetingRating()
    {
        RaterUserId = string.Empty;
    }

    private MeetingRating(Meeting meeting, int programmeId, string raterUserId, SurveyRespondent rater)
    {
        MeetingId = meeting.Id;
        ProgrammeId = programmeId;
        RaterUserId = raterUserId;
        Rater = rater;
    }

    public int Id { get; private set; }

    public int MeetingId { get; private set; }

    /// <summary>The pairing's programme, so a report can count ratings without reading who gave them.</summary>
    public int ProgrammeId { get; private set; }

    public string RaterUserId { get; private set; }

    /// <summary>Whether the mentee or the mentor rated, for the report's groups.</summary>
    public SurveyRespondent Rater { get; private set; }

    public int Usefulness { get; private set; }

    public string? Comment { get; private set; }

    public DateTime RatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// A member rates a held meeting of their own pairing, once; later they change that rating
    /// (<see cref="Change"/>). Load the pairing's people and meetings first.
    /// </summary>
    public static MeetingRating Rate(Pairing pairing, int meetingId, string userId, int usefulness, string? comment, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(pairing);
        var rater = pairing.RespondentFor(userId) ?? throw new DomainRuleException("Only the two members of a pairing can rate its meetings.");
        var meeting = pairing.MeetingById(meetingId);
        CheckCanRate(meeting);
        var rating = new MeetingRating(meeting, pairing.ProgrammeId, userId, rater) { RatedAt = Guard.Utc(now) };
        rating.Change(usefulness, comment, now);
        return rating;
    }

    /// <summary>Only a meeting that took place can be rated.</summary>
    public static bool CanRate(Meeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meeting.WasHeld;
    }

    /// <summary>The member changes their own rating or comment.</summary>
    public void Change(int usefulness, string? comment, DateTime now)
    {
        if (usefulness is < Lowest or > Highest)
        {
            throw new DomainRuleException("Choose how useful the meeting was, from 1 to 5.");
        }

        var text = Guard.Text(comment, "your comment", MaxCommentLength, required: false);
        Usefulness = usefulness;
        Comment = text.Length == 0 ? null : text;
        UpdatedAt = Guard.Utc(now);
        Version++;
    }

    /// <summary>Words for each value of the scale, the same on the form and in the member's history.</summary>
    public static string Describe(int usefulness) => usefulness switch
    {
        1 => "Not useful",
        2 => "A little useful",
        3 => "Quite useful",
        4 => "Useful",
        5 => "Very useful",
        _ => throw new ArgumentOutOfRangeException(nameof(usefulness)),
    };

    private static void CheckCanRate(Meeting meeting)
    {
        if (!CanRate(meeting))
        {
            throw new DomainRuleException("Only a meeting that has been held can be rated. Log it as held first.");
        }
    }
}

/// <summary>What a report may read of one meeting rating: who rated (mentee or mentor, never which one) and the value.</summary>
public sealed record MeetingRatingFact(SurveyRespondent Rater, int Usefulness);

/// <summary>
/// The anonymous aggregate of meeting ratings for a programme and period, under the same small-number
/// rule as the surveys (<see cref="EvaluationSummary.MinimumGroupSize"/>). Comments are never part of it.
/// </summary>
public sealed record MeetingRatingSummary(int Ratings, Breakdown<RatingFigures> Usefulness)
{
    public static MeetingRatingSummary From(IEnumerable<MeetingRatingFact> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var all = ratings.ToList();
        var mentees = Figures(all.Where(r => r.Rater == SurveyRespondent.Mentee));
        var mentors = Figures(all.Where(r => r.Rater == SurveyRespondent.Mentor));

        // The parts are shown only when both are large enough: otherwise the small one is the whole less the large one.
        var bothShown = mentees is not null && mentors is not null;
        return new MeetingRatingSummary(all.Count,
            new Breakdown<RatingFigures>(Figures(all), bothShown ? mentees : null, bothShown ? mentors : null));
    }

    private static RatingFigures? Figures(IEnumerable<MeetingRatingFact> group)
    {
        var values = group.Select(r => r.Usefulness).ToList();
        if (!EvaluationSummary.CanShow(values.Count))
        {
            return null;
        }

        var distribution = Enumerable.Range(MeetingRating.Lowest, MeetingRating.Highest - MeetingRating.Lowest + 1)
            .Select(value => values.Count(v => v == value)).ToList();
        return new RatingFigures(values.Count, values.Average(), distribution);
    }
}
