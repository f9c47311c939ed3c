using MentoringPortal.Domain;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Evaluation;

/// <summary>The evaluation and exit surveys: who is invited when, what is required, saving, sending once, reminders.</summary>
public sealed class SurveyResponseTests
{
    private const int Months = Programme.DefaultEvaluationPointMonths;

    private static readonly EvaluationAnswers Complete = new(4, 3, 5, 4, 2, 3, 4, Recommendation.Yes, "Honest feedback.", null);

    private readonly Programme _programme;
    private readonly Mentor _mentor;
    private readonly Mentee _mentee;
    private readonly Pairing _pairing;
    private readonly DateTime _due;

    public SurveyResponseTests()
    {
        _programme = new ProgrammeBuilder().Build();
        _mentor = new MentorBuilder().InProgramme(_programme).WithCapacity(2).Build();
        _mentee = new MenteeBuilder().InProgramme(_programme).Build();
        _pairing = _mentee.PairWith(_mentor, _programme, TestClock.Now).Pairing;
        _due = TestClock.Now.AddMonths(Months);
    }

    private SurveyResponse Evaluation(SurveyRespondent respondent = SurveyRespondent.Mentee)
    {
        if (_pairing.NeedsEvaluationInvitation(_due, Months))
        {
            _pairing.InviteToEvaluation(_due, Months);
        }

        return _pairing.Surveys.Single(s => s.Kind == SurveyKind.Evaluation && s.Respondent == respondent);
    }

    private SurveyResponse Exit(SurveyRespondent respondent = SurveyRespondent.Mentee)
    {
        if (_pairing.IsActive)
        {
            _pairing.End(EndReason.GoalsMet, _mentee.UserId, null, _due);
        }

        return _pairing.Surveys.Single(s => s.Kind == SurveyKind.Exit && s.Respondent == respondent);
    }

    [Fact]
    public void EvaluationInvitation_IsDueAtTheProgrammesEvaluationPoint_NotBefore()
    {
        Assert.Equal(_due, _pairing.EvaluationDueAt(Months));
        Assert.False(_pairing.NeedsEvaluationInvitation(_due.AddMinutes(-1), Months));
        Assert.True(_pairing.NeedsEvaluationInvitation(_due, Months));
        Assert.True(_pairing.NeedsEvaluationInvitation(TestClock.Now.AddMonths(3), evaluationPointMonths: 3));
        Assert.Throws<DomainRuleException>(() => _pairing.InviteToEvaluation(_due.AddDays(-1), Months));
        Assert.Empty(_pairing.Surveys);
    }

    [Fact]
    public void InviteToEvaluation_CreatesOneSurveyForEachMember_OnlyOnce()
    {
        _pairing.InviteToEvaluation(_due, Months);

        Assert.Equal(
            [SurveyRespondent.Mentee, SurveyRespondent.Mentor],
            _pairing.Surveys.Where(s => s.Kind == SurveyKind.Evaluation).Select(s => s.Respondent).Order());
        Assert.All(_pairing.Surveys, s => Assert.True(s.NeedsInvitation));
        Assert.False(_pairing.NeedsEvaluationInvitation(_due.AddMonths(1), Months));
        Assert.Throws<DomainRuleException>(() => _pairing.InviteToEvaluation(_due.AddMonths(1), Months));
        Assert.Equal(2, _pairing.Surveys.Count);
    }

    [Fact]
    public void EvaluationInvitation_IsNotDueForAnEndedPairing()
    {
        _pairing.End(EndReason.GoalsMet, _mentee.UserId, null, _due.AddDays(-1));

        Assert.False(_pairing.NeedsEvaluationInvitation(_due.AddDays(1), Months));
    }

    [Fact]
    public void SurveyFor_GivesEachMemberTheirOwnSurvey_AndNobodyElseAny()
    {
        _pairing.InviteToEvaluation(_due, Months);

        Assert.Equal(SurveyRespondent.Mentee, _pairing.SurveyFor(_mentee.UserId!, SurveyKind.Evaluation)!.Respondent);
        Assert.Equal(SurveyRespondent.Mentor, _pairing.SurveyFor(_mentor.UserId!, SurveyKind.Evaluation)!.Respondent);
        Assert.Null(_pairing.SurveyFor("someone-else", SurveyKind.Evaluation));
        Assert.Null(_pairing.SurveyFor(_mentee.UserId!, SurveyKind.Exit));
        Assert.Null(_pairing.RespondentFor("someone-else"));
    }

    [Fact]
    public void End_OffersBothMembersAnExitSurvey()
    {
        _pairing.End(EndReason.GoalsMet, _mentee.UserId, null, _due);

        var exits = _pairing.Surveys.Where(s => s.Kind == SurveyKind.Exit).ToList();
        Assert.Equal([SurveyRespondent.Mentee, SurveyRespondent.Mentor], exits.Select(s => s.Respondent).Order());
        Assert.All(exits, s => Assert.True(s.NeedsInvitation));
        Assert.All(exits, s => Assert.Equal(_programme.Id, s.ProgrammeId));
    }

    [Fact]
    public void ReassignTo_OffersBothMembersOfTheOldPairingAnExitSurvey_AndTheNewPairingNone()
    {
        var newMentor = new MentorBuilder().WithName("Dr New Mentor").InProgramme(_programme).WithCapacity(1).Build();

        var reassignment = _pairing.ReassignTo(newMentor, _programme, "admin-user", _due);

        Assert.Equal(
            [SurveyRespondent.Mentee, SurveyRespondent.Mentor],
            reassignment.Ended.Surveys.Where(s => s.Kind == SurveyKind.Exit).Select(s => s.Respondent).Order());
        Assert.NotNull(reassignment.Ended.SurveyFor(_mentor.UserId!, SurveyKind.Exit));
        Assert.Empty(reassignment.Started.Surveys);
    }

    [Fact]
    public void Submit_RequiresEveryRatingAndTheRecommendation()
    {
        var survey = Evaluation();

        Assert.Throws<DomainRuleException>(() => survey.Submit(Complete with { Leadership = null }, [], _due));
        Assert.Throws<DomainRuleException>(() => survey.Submit(Complete with { Satisfaction = null }, [], _due));
        var noRecommendation = Assert.Throws<DomainRuleException>(() => survey.Submit(Complete with { WouldRecommend = null }, [], _due));
        Assert.Equal("Say whether you would recommend the scheme.", noRecommendation.Message);
        Assert.False(survey.IsSubmitted);
    }

    [Fact]
    public void Submit_TheFreeTextIsOptional()
    {
        var survey = Evaluation();

        survey.Submit(Complete with { WhatWorked = "  ", WhatCouldBeBetter = null }, [], _due);

        Assert.True(survey.IsSubmitted);
        Assert.Null(survey.WhatWorked);
        Assert.Equal(4, survey.Rating(Benefit.Knowledge));
        Assert.Equal(3, survey.Rating(Benefit.Network));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public void SaveAndSubmit_RefuseRatingsOutsideOneToFive(int rating)
    {
        var survey = Evaluation();

        Assert.Throws<DomainRuleException>(() => survey.Save(Complete with { Confidence = rating }, _due));
        Assert.Throws<DomainRuleException>(() => survey.Submit(Complete with { Satisfaction = rating }, [], _due));
        Assert.Null(survey.SavedAt);
    }

    [Fact]
    public void Save_KeepsPartialAnswers_WithoutSending()
    {
        var survey = Evaluation();

        survey.Save(new EvaluationAnswers(2, null, null, null, null, null, null, null, "So far, good.", null), _due.AddDays(1));

        Assert.False(survey.IsSubmitted);
        Assert.Equal(_due.AddDays(1), survey.SavedAt);
        Assert.Equal(2, survey.Knowledge);
        Assert.Null(survey.Performance);
        Assert.Equal("So far, good.", survey.WhatWorked);

        survey.Save(new EvaluationAnswers(2, 3, null, null, null, null, null, Recommendation.NotSure, "So far, good.", null), _due.AddDays(2));
        Assert.Equal(3, survey.Performance);
        Assert.Equal(Recommendation.NotSure, survey.WouldRecommend);
    }

    [Fact]
    public void Submit_IsOnce_ThenSavingOrSendingAgainIsRefused()
    {
        var survey = Evaluation();
        survey.Submit(Complete, [], _due);
        var version = survey.Version;

        Assert.Throws<DomainRuleException>(() => survey.Submit(Complete with { Knowledge = 1 }, [], _due.AddDays(1)));
        Assert.Throws<DomainRuleException>(() => survey.Save(Complete with { Knowledge = 1 }, _due.AddDays(1)));
        Assert.Equal(4, survey.Knowledge);
        Assert.Equal(_due, survey.SubmittedAt);
        Assert.Equal(version, survey.Version);
    }

    [Fact]
    public void Submit_GoalRatingsJoinTheGoalsHistory_WithStartAndReviewRatings()
    {
        var shortTerm = _mentee.AddGoal(GoalHorizon.ShortTerm, "Pass the exam.", 2, TestClock.Now);
        var longTerm = _mentee.AddGoal(GoalHorizon.LongTerm, "Lead a service.", 1, TestClock.Now);
        var survey = Evaluation();

        survey.Submit(Complete, [(shortTerm, 4), (longTerm, 1)], _due);

        Assert.Equal([2, 4], shortTerm.Ratings.Select(r => r.Rating));
        Assert.Equal(_due, shortTerm.Ratings.Last().RecordedAt);
        Assert.Equal(4, shortTerm.CurrentRating);
        Assert.Equal(2, shortTerm.StartRating);
        var progress = survey.GoalProgress.OrderBy(g => g.Horizon).ToList();
        Assert.Equal([GoalHorizon.ShortTerm, GoalHorizon.LongTerm], progress.Select(g => g.Horizon));
        Assert.Equal([2, 1], progress.Select(g => g.StartRating));
        Assert.Equal([4, 1], progress.Select(g => g.ReviewRating));
        Assert.Equal([2, 0], progress.Select(g => g.Progress));
    }

    [Fact]
    public void Submit_AGoalRatingOutOfRange_IsRefused()
    {
        var goal = _mentee.AddGoal(GoalHorizon.ShortTerm, "Pass the exam.", 2, TestClock.Now);
        var survey = Evaluation();

        Assert.Throws<DomainRuleException>(() => survey.Submit(Complete, [(goal, 7)], _due));
    }

    [Fact]
    public void Submit_OnlyTheMenteeRatesGoals()
    {
        var goal = _mentee.AddGoal(GoalHorizon.ShortTerm, "Pass the exam.", 2, TestClock.Now);
        var survey = Evaluation(SurveyRespondent.Mentor);

        Assert.Throws<DomainRuleException>(() => survey.Submit(Complete, [(goal, 4)], _due));
        Assert.Single(goal.Ratings);
        Assert.False(survey.IsSubmitted);
    }

    [Fact]
    public void Exit_RequiresAReason_AndWordsForAnotherReason()
    {
        var survey = Exit();

        Assert.Throws<DomainRuleException>(() => survey.Submit(new ExitAnswers(null, "More time."), _due));
        Assert.Throws<DomainRuleException>(() => survey.Submit(new ExitAnswers((ExitReason)42, null), _due));
        var other = Assert.Throws<DomainRuleException>(() => survey.Submit(new ExitAnswers(ExitReason.Other, " "), _due));
        Assert.Equal("Tell us a little about why it ended.", other.Message);
        Assert.False(survey.IsSubmitted);

        survey.Submit(new ExitAnswers(ExitReason.Other, "I moved abroad."), _due);
        Assert.True(survey.IsSubmitted);
        Assert.Equal(ExitReason.Other, survey.EndingReason);
        Assert.Equal("I moved abroad.", survey.WhatWouldHaveHelped);
    }

    [Fact]
    public void Exit_SaveKeepsAPartialAnswer_AndTheTextIsOptionalForAGivenReason()
    {
        var survey = Exit(SurveyRespondent.Mentor);

        survey.Save(new ExitAnswers(null, "Earlier contact."), _due);
        Assert.Equal("Earlier contact.", survey.WhatWouldHaveHelped);
        Assert.False(survey.IsSubmitted);

        survey.Submit(new ExitAnswers(ExitReason.HardToFindTime, null), _due.AddDays(1));
        Assert.Equal(ExitReason.HardToFindTime, survey.EndingReason);
        Assert.Null(survey.WhatWouldHaveHelped);
        Assert.Throws<DomainRuleException>(() => survey.Save(new ExitAnswers(ExitReason.GoalsMet, null), _due.AddDays(2)));
    }

    [Fact]
    public void AnEvaluationCannotBeAnsweredAsAnExitSurvey()
    {
        var survey = Evaluation();

        Assert.Throws<InvalidOperationException>(() => survey.Submit(new ExitAnswers(ExitReason.GoalsMet, null), _due));
    }

    [Fact]
    public void NeedsReminder_FourteenDaysAfterTheInvitation_Once()
    {
        var survey = Evaluation();
        Assert.False(survey.NeedsReminder(_due.AddDays(30)));

        survey.RecordInvitationSent(_due);
        Assert.False(survey.NeedsInvitation);
        Assert.False(survey.NeedsReminder(_due.AddDays(14).AddMinutes(-1)));
        Assert.True(survey.NeedsReminder(_due.AddDays(14)));

        survey.RecordReminderSent(_due.AddDays(14));
        Assert.False(survey.NeedsReminder(_due.AddDays(15)));
        Assert.False(survey.NeedsReminder(_due.AddDays(60)));
    }

    [Fact]
    public void NeedsReminder_NeverOnceAnswered_NorForAnExitSurvey()
    {
        var evaluation = Evaluation();
        evaluation.RecordInvitationSent(_due);
        evaluation.Submit(Complete, [], _due.AddDays(3));
        Assert.False(evaluation.NeedsReminder(_due.AddDays(20)));

        var exit = Exit();
        exit.RecordInvitationSent(_due);
        Assert.False(exit.NeedsReminder(_due.AddDays(20)));
    }

    [Fact]
    public void SavingAndInvitingMoveTheVersion_SoTwoInstancesCannotBothSucceed()
    {
        var survey = Evaluation();
        var before = survey.Version;

        survey.RecordInvitationSent(_due);
        survey.Save(Complete, _due);
        survey.RecordReminderSent(_due.AddDays(14));

        Assert.Equal(before + 3, survey.Version);
    }
}
