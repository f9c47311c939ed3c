using MentoringPortal.Domain;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Records;

/// <summary>Only the mentee decides whether their mentor's record names them: off by default, changeable, forgotten when they are erased.</summary>
public sealed class MenteeNamingConsentTests
{
    private readonly Pairing _pairing;

    public MenteeNamingConsentTests()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentor = new MentorBuilder().InProgramme(programme).Build();
        var mentee = new MenteeBuilder().InProgramme(programme).Build();
        _pairing = mentee.PairWith(mentor, programme, TestClock.Now).Pairing;
    }

    private string MenteeUserId => _pairing.Mentee!.UserId!;

    [Fact]
    public void ANewPairing_DoesNotNameTheMentee() => Assert.False(_pairing.MenteeAgreesToBeNamed);

    [Fact]
    public void SetMenteeAgreesToBeNamed_ByTheMentee_CanBeTurnedOnAndOff()
    {
        _pairing.SetMenteeAgreesToBeNamed(MenteeUserId, agrees: true);
        Assert.True(_pairing.MenteeAgreesToBeNamed);

        _pairing.SetMenteeAgreesToBeNamed(MenteeUserId, agrees: false);
        Assert.False(_pairing.MenteeAgreesToBeNamed);
    }

    [Fact]
    public void SetMenteeAgreesToBeNamed_ByTheMentor_Throws()
    {
        Assert.Throws<DomainRuleException>(() => _pairing.SetMenteeAgreesToBeNamed(_pairing.Mentor!.UserId!, agrees: true));
        Assert.False(_pairing.MenteeAgreesToBeNamed);
    }

    [Fact]
    public void EraseContentOf_TheMentee_WithdrawsTheirConsent()
    {
        _pairing.SetMenteeAgreesToBeNamed(MenteeUserId, agrees: true);

        _pairing.EraseContentOf(MenteeUserId, SurveyRespondent.Mentee);

        Assert.False(_pairing.MenteeAgreesToBeNamed);
    }
}
