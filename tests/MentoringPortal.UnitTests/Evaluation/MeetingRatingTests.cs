using MentoringPortal.Domain;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Evaluation;

/// <summary>Each member may rate a held meeting of their own pairing, 1 to 5, and change it later.</summary>
public sealed class MeetingRatingTests
{
    private readonly Pairing _pairing;
    private readonly Meeting _meeting;
    private readonly string _menteeUser;

    public MeetingRatingTests()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentor = new MentorBuilder().InProgramme(programme).Build();
        var mentee = new MenteeBuilder().InProgramme(programme).Build();
        _pairing = mentee.PairWith(mentor, programme, TestClock.Now).Pairing.WithId(EntityIds.Next());
        _meeting = _pairing.PlanMeeting(TestClock.Now.AddDays(1), 60, MeetingModes.FaceToFace, null).WithId(EntityIds.Next());
        _menteeUser = mentee.UserId!;
    }

    private DateTime AfterMeeting => _meeting.StartsAt.AddHours(2);

    [Fact]
    public void Rate_PlannedMeeting_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() => MeetingRating.Rate(_pairing, _meeting.Id, _menteeUser, 4, null, AfterMeeting));

        Assert.Contains("held", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_HeldMeeting_RecordsRaterAndValue()
    {
        _meeting.LogAsHeld(null, AfterMeeting);

        var rating = MeetingRating.Rate(_pairing, _meeting.Id, _menteeUser, 4, "  Helpful on rotas. ", AfterMeeting);

        Assert.Equal(SurveyRespondent.Mentee, rating.Rater);
        Assert.Equal(4, rating.Usefulness);
        Assert.Equal("Helpful on rotas.", rating.Comment);
        Assert.Equal(_pairing.ProgrammeId, rating.ProgrammeId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Rate_OutsideOneToFive_Throws(int usefulness)
    {
        _meeting.LogAsHeld(null, AfterMeeting);

        Assert.Throws<DomainRuleException>(() => MeetingRating.Rate(_pairing, _meeting.Id, _menteeUser, usefulness, null, AfterMeeting));
    }

    [Fact]
    public void Rate_ByStranger_Throws()
    {
        _meeting.LogAsHeld(null, AfterMeeting);

        Assert.Throws<DomainRuleException>(() => MeetingRating.Rate(_pairing, _meeting.Id, "stranger", 3, null, AfterMeeting));
    }

    [Fact]
    public void Change_EmptiesCommentAndChangesValue()
    {
        _meeting.LogAsHeld(null, AfterMeeting);
        var rating = MeetingRating.Rate(_pairing, _meeting.Id, _menteeUser, 2, "Short.", AfterMeeting);

        rating.Change(5, " ", AfterMeeting.AddDays(1));

        Assert.Equal(5, rating.Usefulness);
        Assert.Null(rating.Comment);
        Assert.Equal(AfterMeeting.AddDays(1), rating.UpdatedAt);
    }

    [Fact]
    public void Summary_FewerThanFive_IsSuppressed()
    {
        var summary = MeetingRatingSummary.From(Enumerable.Repeat(new MeetingRatingFact(SurveyRespondent.Mentee, 4), 4));

        Assert.Equal(4, summary.Ratings);
        Assert.Null(summary.Usefulness.All);
    }

    [Fact]
    public void Summary_FiveOrMore_GivesAverageAndDistribution_ButPartsOnlyWhenBothLargeEnough()
    {
        var ratings = new[] { 5, 4, 4, 3, 1 }.Select(v => new MeetingRatingFact(SurveyRespondent.Mentee, v))
            .Append(new MeetingRatingFact(SurveyRespondent.Mentor, 5)).ToList();

        var summary = MeetingRatingSummary.From(ratings);

        var all = Assert.IsType<RatingFigures>(summary.Usefulness.All);
        Assert.Equal(6, all.Responses);
        Assert.Equal(22 / 6.0, all.Average, 6);
        Assert.Equal([1, 0, 1, 2, 2], all.Distribution);
        Assert.False(summary.Usefulness.IsBrokenDown);
        Assert.Null(summary.Usefulness.Mentees);
    }
}
