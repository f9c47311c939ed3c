using MentoringPortal.Domain;
using MentoringPortal.Domain.Agreements;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Agreements;

/// <summary>A mentoring agreement: written once the first meeting is planned, agreed when both confirm the same words.</summary>
public sealed class MentoringAgreementTests
{
    private static readonly AgreementTerms Terms = new("Every six weeks, face to face in the library.", MentoringAgreement.DefaultConfidentiality,
        "Honest feedback on my return.", "Come prepared with a topic.", "Either of us can end it by saying so, no blame.");

    private readonly Pairing _pairing;
    private readonly string _menteeUser;
    private readonly string _mentorUser;

    public MentoringAgreementTests()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentor = new MentorBuilder().InProgramme(programme).Build();
        var mentee = new MenteeBuilder().InProgramme(programme).Build();
        _pairing = mentee.PairWith(mentor, programme, TestClock.Now).Pairing.WithId(EntityIds.Next());
        _menteeUser = mentee.UserId!;
        _mentorUser = mentor.UserId!;
    }

    private static DateTime Later(int hours) => TestClock.Now.AddHours(hours);

    private MentoringAgreement Written()
    {
        _pairing.PlanMeeting(Later(24), 60, MeetingModes.FaceToFace, "Library");
        return MentoringAgreement.Write(_pairing, _menteeUser, Terms, Later(1));
    }

    [Fact]
    public void Write_BeforeFirstMeetingIsPlanned_Throws()
    {
        var error = Assert.Throws<DomainRuleException>(() => MentoringAgreement.Write(_pairing, _menteeUser, Terms, Later(1)));

        Assert.Contains("Plan your first meeting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OnceFirstMeetingPlanned_WaitsForBoth()
    {
        var agreement = Written();

        Assert.Equal(AgreementState.WaitingForConfirmation, agreement.State);
        Assert.False(agreement.HasConfirmed(SurveyRespondent.Mentee));
        Assert.False(agreement.HasConfirmed(SurveyRespondent.Mentor));
        Assert.Equal(SurveyRespondent.Mentee, agreement.LastChangedBy);
    }

    [Fact]
    public void Write_BySomeoneElse_Throws()
    {
        _pairing.PlanMeeting(Later(24), 60, MeetingModes.FaceToFace, null);

        Assert.Throws<DomainRuleException>(() => MentoringAgreement.Write(_pairing, "stranger", Terms, Later(1)));
    }

    [Fact]
    public void Write_MissingPart_Throws()
    {
        _pairing.PlanMeeting(Later(24), 60, MeetingModes.FaceToFace, null);

        var error = Assert.Throws<DomainRuleException>(() =>
            MentoringAgreement.Write(_pairing, _menteeUser, Terms with { Ending = "  " }, Later(1)));

        Assert.Equal("Enter how either of you can end the mentoring.", error.Message);
    }

    [Fact]
    public void Confirm_ByBoth_IsAgreedOnTheLaterDay()
    {
        var agreement = Written();

        Assert.False(agreement.Confirm(_pairing, _menteeUser, agreement.Revision, Later(2)));
        Assert.True(agreement.Confirm(_pairing, _mentorUser, agreement.Revision, Later(30)));

        Assert.True(agreement.IsAgreed);
        Assert.Equal(Later(30), agreement.AgreedAt);
    }

    [Fact]
    public void Confirm_Twice_Throws()
    {
        var agreement = Written();
        agreement.Confirm(_pairing, _menteeUser, agreement.Revision, Later(2));

        Assert.Throws<DomainRuleException>(() => agreement.Confirm(_pairing, _menteeUser, agreement.Revision, Later(3)));
    }

    [Fact]
    public void Confirm_AnOlderRevision_Throws()
    {
        var agreement = Written();
        var read = agreement.Revision;
        agreement.Revise(_pairing, _mentorUser, Terms with { Meetings = "Monthly, by video." }, Later(2));

        var error = Assert.Throws<DomainRuleException>(() => agreement.Confirm(_pairing, _menteeUser, read, Later(3)));

        Assert.Contains("changed after you opened it", error.Message, StringComparison.Ordinal);
        Assert.False(agreement.HasConfirmed(SurveyRespondent.Mentee));
    }

    [Fact]
    public void Revise_AfterAgreement_ClearsBothConfirmations()
    {
        var agreement = Written();
        agreement.Confirm(_pairing, _menteeUser, agreement.Revision, Later(2));
        agreement.Confirm(_pairing, _mentorUser, agreement.Revision, Later(3));

        var changed = agreement.Revise(_pairing, _mentorUser, Terms with { MentorExpectations = "Send an agenda the day before." }, Later(4));

        Assert.True(changed);
        Assert.Equal(AgreementState.WaitingForConfirmation, agreement.State);
        Assert.Null(agreement.MenteeConfirmedAt);
        Assert.Null(agreement.MentorConfirmedAt);
        Assert.Null(agreement.AgreedAt);
    }

    [Fact]
    public void Revise_SameWords_KeepsConfirmations()
    {
        var agreement = Written();
        agreement.Confirm(_pairing, _menteeUser, agreement.Revision, Later(2));

        var changed = agreement.Revise(_pairing, _mentorUser, Terms with { Meetings = "  " + Terms.Meetings + " " }, Later(4));

        Assert.False(changed);
        Assert.True(agreement.HasConfirmed(SurveyRespondent.Mentee));
    }

    [Fact]
    public void Revise_AfterPairingEnded_Throws()
    {
        var agreement = Written();
        _pairing.End(EndReason.GoalsMet, _menteeUser, null, Later(5));

        Assert.Throws<DomainRuleException>(() => agreement.Revise(_pairing, _menteeUser, Terms with { Meetings = "Weekly." }, Later(6)));
        Assert.Throws<DomainRuleException>(() => agreement.Confirm(_pairing, _menteeUser, agreement.Revision, Later(6)));
    }
}
