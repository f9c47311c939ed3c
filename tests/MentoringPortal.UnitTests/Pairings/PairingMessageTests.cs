using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Pairings;

public sealed class PairingMessageTests
{
    private readonly Mentor _mentor;
    private readonly Mentee _mentee;
    private readonly Pairing _pairing;

    public PairingMessageTests()
    {
        var programme = new ProgrammeBuilder().Build();
        _mentor = new MentorBuilder().InProgramme(programme).WithCapacity(1).Build();
        _mentee = new MenteeBuilder().InProgramme(programme).Build();
        _pairing = _mentee.PairWith(_mentor, programme, TestClock.Now).Pairing;
    }

    [Fact]
    public void Write_ByEitherMember_GoesToTheOther()
    {
        var fromMentee = PairingMessage.Write(_pairing, _mentee.UserId!, "  Hello, see you Tuesday.  ", TestClock.Now);
        var fromMentor = PairingMessage.Write(_pairing, _mentor.UserId!, "See you then.", TestClock.Now);

        Assert.Equal(_mentor.UserId, fromMentee.RecipientUserId);
        Assert.Equal("Hello, see you Tuesday.", fromMentee.Text);
        Assert.Equal(_mentee.UserId, fromMentor.RecipientUserId);
        Assert.True(fromMentee.IsUnread);
        Assert.False(fromMentee.RecipientEmailed);
    }

    [Fact]
    public void Write_BySomeoneOutsideThePairing_IsRefused()
    {
        var rule = Assert.Throws<DomainRuleException>(() => PairingMessage.Write(_pairing, "an-administrator", "Hello.", TestClock.Now));

        Assert.Equal("Only the mentee and the mentor of a pairing can send its messages.", rule.Message);
    }

    [Fact]
    public void Write_AfterThePairingEnded_IsRefusedWithTheReason()
    {
        _pairing.End(EndReason.GoalsMet, _mentee.UserId, null, TestClock.Now.AddDays(1));

        var rule = Assert.Throws<DomainRuleException>(() => PairingMessage.Write(_pairing, _mentee.UserId!, "One more?", TestClock.Now.AddDays(2)));

        Assert.Equal(PairingMessage.ClosedReason, rule.Message);
    }

    [Theory]
    [InlineData(null, "Enter your message.")]
    [InlineData(" \n ", "Enter your message.")]
    public void Write_Empty_IsRefused(string? text, string problem) =>
        Assert.Equal(problem, Assert.Throws<DomainRuleException>(() => PairingMessage.Write(_pairing, _mentee.UserId!, text, TestClock.Now)).Message);

    [Fact]
    public void Write_TooLong_IsRefused_ButTheLimitItselfIsAllowed()
    {
        Assert.Equal(PairingMessage.MaxTextLength,
            PairingMessage.Write(_pairing, _mentee.UserId!, new string('a', PairingMessage.MaxTextLength), TestClock.Now).Text.Length);

        Assert.Throws<DomainRuleException>(() => PairingMessage.Write(_pairing, _mentee.UserId!, new string('a', PairingMessage.MaxTextLength + 1), TestClock.Now));
    }

    [Fact]
    public void NeedsEmail_NotWhileAnEmailedMessageIsStillUnread_AgainOnceItIsRead()
    {
        var first = PairingMessage.Write(_pairing, _mentee.UserId!, "First.", TestClock.Now);
        Assert.True(first.NeedsEmail([]));
        first.RecordEmailed();

        var second = PairingMessage.Write(_pairing, _mentee.UserId!, "Second.", TestClock.Now.AddMinutes(1));
        Assert.False(second.NeedsEmail([first]));

        first.MarkReadBy(_mentor.UserId!, TestClock.Now.AddHours(1));
        Assert.True(second.NeedsEmail([first]));
    }

    [Fact]
    public void NeedsEmail_AnUnreadMessageThatWasNotEmailed_DoesNotHoldBackTheEmail()
    {
        var notEmailed = PairingMessage.Write(_pairing, _mentee.UserId!, "Written while the email address was missing.", TestClock.Now);

        var next = PairingMessage.Write(_pairing, _mentee.UserId!, "Next.", TestClock.Now.AddMinutes(1));

        Assert.True(next.NeedsEmail([notEmailed]));
    }

    [Fact]
    public void MarkReadBy_OnlyTheRecipientsReadingCounts_AndTheFirstReadingIsKept()
    {
        var message = PairingMessage.Write(_pairing, _mentee.UserId!, "Hello.", TestClock.Now);

        message.MarkReadBy(_mentee.UserId!, TestClock.Now.AddMinutes(1));
        Assert.True(message.IsUnread);

        message.MarkReadBy(_mentor.UserId!, TestClock.Now.AddMinutes(2));
        message.MarkReadBy(_mentor.UserId!, TestClock.Now.AddMinutes(3));
        Assert.Equal(TestClock.Now.AddMinutes(2), message.ReadAt);
    }
}
