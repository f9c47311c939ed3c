using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentors;

/// <summary>The stored directory state follows every change to the mentor, and the job's expression agrees with it.</summary>
public sealed class MentorDirectoryStateTests
{
    private static DateOnly Today => TestClock.Today;

    private static MentorBuilder Listed() => new MentorBuilder().InProgramme(new ProgrammeBuilder().Build());

    private static void AssertState(DirectoryState expected, Mentor mentor, DateOnly? on = null)
    {
        Assert.Equal(expected, mentor.DirectoryState);
        Assert.Equal(expected, Mentor.DirectoryStateOn(on ?? Today).Compile()(mentor));
    }

    [Fact]
    public void ContactableMentor_InAProgrammeWhoseMenteesChoose_IsAccepting()
    {
        var mentor = Listed().WithCapacity(3).Build();

        AssertState(DirectoryState.Accepting, mentor);
        Assert.Equal(3, mentor.FreePlaces);
        Assert.True(mentor.InChoosingProgramme);
    }

    [Fact]
    public void Mentor_InNoProgrammeOrOnlyWhereTheSchemeMatches_IsHidden()
    {
        AssertState(DirectoryState.Hidden, new MentorBuilder().Build());
        var matched = new MentorBuilder().InProgramme(new ProgrammeBuilder().SchemeMatches().Build()).Build();
        AssertState(DirectoryState.Hidden, matched);
        Assert.False(matched.InChoosingProgramme);

        matched.JoinProgramme(new ProgrammeBuilder().Build(), Today);

        AssertState(DirectoryState.Accepting, matched);
    }

    [Fact]
    public void Unapproved_IsHidden_UntilApproved()
    {
        var mentor = Listed().Unapproved().Build();
        AssertState(DirectoryState.Hidden, mentor);

        mentor.Approve(TestClock.Now);

        AssertState(DirectoryState.Accepting, mentor);
    }

    [Fact]
    public void Untrained_IsHidden_UntilTheSchemeCourseIsRecorded()
    {
        var mentor = Listed().Untrained().Build();
        AssertState(DirectoryState.Hidden, mentor);

        mentor.RecordTraining(Mentor.SchemeCourseName, isSchemeCourse: true, Today.AddDays(-10), Today.AddYears(3), "admin", TestClock.Now);

        AssertState(DirectoryState.Accepting, mentor);
    }

    [Fact]
    public void ExpiredTraining_IsHidden_AndTheJobHidesTrainingThatExpiresLater()
    {
        AssertState(DirectoryState.Hidden, Listed().WithTraining(Today.AddYears(-4), Today.AddDays(-1)).Build());

        var expiresTomorrow = Listed().WithTraining(Today.AddYears(-3), Today.AddDays(1)).Build();
        AssertState(DirectoryState.Accepting, expiresTomorrow);

        Assert.Equal(DirectoryState.Hidden, Mentor.DirectoryStateOn(Today.AddDays(2)).Compile()(expiresTomorrow));
    }

    [Fact]
    public void NotAcceptingOrPaused_IsListed_AndAcceptingAgainWhenTheyChooseOrThePauseEnds()
    {
        var mentor = Listed().Build();

        mentor.SetAvailability(AvailabilityStatus.NotAccepting, null, Today);
        AssertState(DirectoryState.Listed, mentor);

        mentor.SetAvailability(AvailabilityStatus.Paused, Today.AddDays(10), Today);
        AssertState(DirectoryState.Listed, mentor);

        Assert.Equal(DirectoryState.Accepting, Mentor.DirectoryStateOn(Today.AddDays(10)).Compile()(mentor));
        Assert.True(mentor.ResumeIfPauseEnded(Today.AddDays(10)));
        AssertState(DirectoryState.Accepting, mentor, Today.AddDays(10));

        mentor.SetAvailability(AvailabilityStatus.NotAccepting, null, Today);
        mentor.SetAvailability(AvailabilityStatus.Accepting, null, Today);
        AssertState(DirectoryState.Accepting, mentor);
    }

    [Fact]
    public void Full_IsListed_AndAcceptingAgainWhenCapacityRisesOrAPlaceIsFreed()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentor = new MentorBuilder().InProgramme(programme).WithCapacity(1).Build();
        var pairing = new MenteeBuilder().InProgramme(programme).Build().PairWith(mentor, programme, TestClock.Now).Pairing;
        AssertState(DirectoryState.Listed, mentor);
        Assert.Equal(0, mentor.FreePlaces);

        mentor.SetCapacity(2);
        AssertState(DirectoryState.Accepting, mentor);
        Assert.Equal(1, mentor.FreePlaces);

        mentor.SetCapacity(1);
        AssertState(DirectoryState.Listed, mentor);

        pairing.End(EndReason.GoalsMet, null, null, TestClock.Now);
        AssertState(DirectoryState.Accepting, mentor);
        Assert.Equal(1, mentor.FreePlaces);
    }

    [Fact]
    public void ChangeWithoutADate_KeepsAnEndedPauseAsListed_UntilTheJobResumesIt()
    {
        var mentor = Listed().Build();
        mentor.SetAvailability(AvailabilityStatus.Paused, Today.AddDays(5), Today);

        mentor.SetCapacity(3);

        Assert.Equal(DirectoryState.Listed, mentor.DirectoryState);
        Assert.Equal(DirectoryState.Accepting, Mentor.DirectoryStateOn(Today.AddDays(5)).Compile()(mentor));
    }

    [Fact]
    public void ErasedMentor_IsHidden()
    {
        var mentor = Listed().Build();

        mentor.Erase();

        AssertState(DirectoryState.Hidden, mentor);
    }
}
