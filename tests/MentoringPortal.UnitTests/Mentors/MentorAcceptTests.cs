using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentors;

public sealed class MentorAcceptTests
{
    private readonly Programme _programme;
    private readonly Mentor _mentor;
    private readonly Mentee _mentee;

    public MentorAcceptTests()
    {
        _programme = new ProgrammeBuilder().Build();
        _mentor = new MentorBuilder().InProgramme(_programme).Build();
        _mentee = new MenteeBuilder().InProgramme(_programme).Build();
    }

    [Fact]
    public void Accept_WithFreePlace_StartsPairing()
    {
        var request = _mentee.Ask(_mentor, _programme);
        var acceptedAt = TestClock.Now.AddDays(2);

        var acceptance = _mentor.Accept(request, acceptedAt);

        var pairing = acceptance.Pairing;
        Assert.Equal(PairingStatus.Active, pairing.Status);
        Assert.Equal(_mentor.Id, pairing.MentorId);
        Assert.Equal(_mentee.Id, pairing.MenteeId);
        Assert.Equal(_programme.Id, pairing.ProgrammeId);
        Assert.Equal(acceptedAt, pairing.StartedAt);
        Assert.Same(pairing, Assert.Single(_mentee.Pairings));
        Assert.True(_mentee.HasActivePairingIn(_programme.Id));
    }

    [Fact]
    public void Accept_WithFreePlace_MarksRequestAccepted()
    {
        var request = _mentee.Ask(_mentor, _programme);
        var acceptedAt = TestClock.Now.AddDays(2);

        _mentor.Accept(request, acceptedAt);

        Assert.Equal(ContactRequestStatus.Accepted, request.Status);
        Assert.Equal(acceptedAt, request.AnsweredAt);
        Assert.Equal(0, _mentee.PendingRequestCount);
    }

    [Fact]
    public void Accept_WithFreePlace_TakesOnePlace()
    {
        var request = _mentee.Ask(_mentor, _programme);

        _mentor.Accept(request, TestClock.Now);

        Assert.Equal(1, _mentor.ActiveMenteeCount);
        Assert.Equal(1, _mentor.FreePlaces);
        Assert.True(_mentor.HasFreePlace);
    }

    [Fact]
    public void Accept_LastFreePlace_MentorNoLongerContactable()
    {
        var mentor = new MentorBuilder().InProgramme(_programme).WithCapacity(1).Build();
        var request = _mentee.Ask(mentor, _programme);

        mentor.Accept(request, TestClock.Now);

        Assert.False(mentor.HasFreePlace);
        Assert.False(mentor.CanBeContacted(TestClock.Today));
    }

    [Fact]
    public void Accept_AtCapacity_Throws()
    {
        var mentor = new MentorBuilder().InProgramme(_programme).WithCapacity(2).Build();
        var request = _mentee.Ask(mentor, _programme);
        new MenteeBuilder().InProgramme(_programme).Build().PairWith(mentor, _programme, TestClock.Now);
        new MenteeBuilder().InProgramme(_programme).Build().PairWith(mentor, _programme, TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => mentor.Accept(request, TestClock.Now));

        Assert.Contains("full capacity (2 of 2 places used)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_AtCapacity_ChangesNothing()
    {
        var mentor = new MentorBuilder().InProgramme(_programme).WithCapacity(1).Build();
        var request = _mentee.Ask(mentor, _programme);
        new MenteeBuilder().InProgramme(_programme).Build().PairWith(mentor, _programme, TestClock.Now);

        Assert.Throws<DomainRuleException>(() => mentor.Accept(request, TestClock.Now));

        Assert.Equal(1, mentor.ActiveMenteeCount);
        Assert.Equal(ContactRequestStatus.Pending, request.Status);
        Assert.Empty(_mentee.Pairings);
    }

    [Theory]
    [InlineData(ContactRequestStatus.Declined, "declined")]
    [InlineData(ContactRequestStatus.Cancelled, "cancelled")]
    [InlineData(ContactRequestStatus.Expired, "expired")]
    public void Accept_RequestNotPending_Throws(ContactRequestStatus answered, string described)
    {
        var request = _mentee.Ask(_mentor, _programme);
        switch (answered)
        {
            case ContactRequestStatus.Declined:
                request.Decline(DeclineReason.NoPlaceNow, note: null, TestClock.Now);
                break;
            case ContactRequestStatus.Cancelled:
                request.Cancel(TestClock.Now);
                break;
            default:
                request.ExpireIfDue(request.ExpiresAt);
                break;
        }

        var error = Assert.Throws<DomainRuleException>(() => _mentor.Accept(request, TestClock.Now.AddDays(20)));

        Assert.Equal($"This request has already been {described}.", error.Message);
        Assert.Equal(0, _mentor.ActiveMenteeCount);
        Assert.Empty(_mentee.Pairings);
    }

    [Fact]
    public void Accept_SameRequestTwice_Throws()
    {
        var request = _mentee.Ask(_mentor, _programme);
        _mentor.Accept(request, TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => _mentor.Accept(request, TestClock.Now));

        Assert.Equal("This request has already been accepted.", error.Message);
        Assert.Equal(1, _mentor.ActiveMenteeCount);
        Assert.Single(_mentee.Pairings);
    }

    [Fact]
    public void Accept_RequestSentToAnotherMentor_Throws()
    {
        var other = new MentorBuilder().InProgramme(_programme).Build();
        var request = _mentee.Ask(other, _programme);

        var error = Assert.Throws<DomainRuleException>(() => _mentor.Accept(request, TestClock.Now));

        Assert.Equal("This request was sent to another mentor.", error.Message);
        Assert.Equal(ContactRequestStatus.Pending, request.Status);
        Assert.Equal(0, _mentor.ActiveMenteeCount);
    }

    [Fact]
    public void Accept_WithdrawsMenteesOtherPendingRequestsInProgramme()
    {
        var second = new MentorBuilder().InProgramme(_programme).Build();
        var third = new MentorBuilder().InProgramme(_programme).Build();
        var accepted = _mentee.Ask(_mentor, _programme);
        var toSecond = _mentee.Ask(second, _programme);
        var toThird = _mentee.Ask(third, _programme);
        var acceptedAt = TestClock.Now.AddDays(1);

        var acceptance = _mentor.Accept(accepted, acceptedAt);

        Assert.Equal(2, acceptance.Withdrawn.Count);
        Assert.Contains(toSecond, acceptance.Withdrawn);
        Assert.Contains(toThird, acceptance.Withdrawn);
        Assert.All([toSecond, toThird], r =>
        {
            Assert.Equal(ContactRequestStatus.Withdrawn, r.Status);
            Assert.Equal(acceptedAt, r.AnsweredAt);
        });
        Assert.Equal(0, _mentee.PendingRequestCount);
    }

    [Fact]
    public void Accept_PendingRequestsInOtherProgramme_LeavesThemPending()
    {
        var otherProgramme = new ProgrammeBuilder().WithName("Supported Return", "supported-return").Build();
        var mentee = new MenteeBuilder().InProgramme(_programme).InProgramme(otherProgramme).Build();
        var otherMentor = new MentorBuilder().InProgramme(otherProgramme).Build();
        var accepted = mentee.Ask(_mentor, _programme);
        var elsewhere = mentee.Ask(otherMentor, otherProgramme);

        var acceptance = _mentor.Accept(accepted, TestClock.Now);

        Assert.Empty(acceptance.Withdrawn);
        Assert.Equal(ContactRequestStatus.Pending, elsewhere.Status);
    }

    [Fact]
    public void Accept_RequestWithdrawnByEarlierAcceptance_Throws()
    {
        var second = new MentorBuilder().InProgramme(_programme).Build();
        var first = _mentee.Ask(_mentor, _programme);
        var late = _mentee.Ask(second, _programme);
        _mentor.Accept(first, TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => second.Accept(late, TestClock.Now));

        Assert.Equal("This request has already been withdrawn.", error.Message);
        Assert.Equal(0, second.ActiveMenteeCount);
    }

    [Fact]
    public void Accept_MenteeAlreadyPaired_Throws()
    {
        var request = _mentee.Ask(_mentor, _programme);
        var schemeMentor = new MentorBuilder().InProgramme(_programme).Build();
        _mentee.PairWith(schemeMentor, _programme, TestClock.Now);

        // Whether the request is still pending ("already been paired") or was withdrawn by the
        // scheme's pairing ("already been withdrawn"), the mentor must not gain a second pairing.
        Assert.Throws<DomainRuleException>(() => _mentor.Accept(request, TestClock.Now));

        Assert.Equal(0, _mentor.ActiveMenteeCount);
        Assert.Single(_mentee.Pairings);
    }
}
