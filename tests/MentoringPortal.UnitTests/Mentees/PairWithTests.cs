using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentees;

/// <summary>Pairings the scheme makes itself, without a request from the trainee.</summary>
public sealed class PairWithTests
{
    private readonly Programme _programme;
    private readonly Mentor _mentor;
    private readonly Mentee _mentee;

    public PairWithTests()
    {
        _programme = new ProgrammeBuilder().SchemeMatches().Build();
        _mentor = new MentorBuilder().InProgramme(_programme).WithCapacity(1).Build();
        _mentee = new MenteeBuilder().InProgramme(_programme).Build();
    }

    [Fact]
    public void PairWith_FreePlace_StartsPairingWithoutRequest()
    {
        var pairing = _mentee.PairWith(_mentor, _programme, TestClock.Now).Pairing;

        Assert.True(pairing.IsActive);
        Assert.Null(pairing.ContactRequestId);
        Assert.Equal(_mentor.Id, pairing.MentorId);
        Assert.Equal(_programme.Id, pairing.ProgrammeId);
        Assert.Equal(1, _mentor.ActiveMenteeCount);
        Assert.True(_mentee.HasActivePairingIn(_programme.Id));
    }

    [Fact]
    public void PairWith_MentorFull_Throws()
    {
        new MenteeBuilder().InProgramme(_programme).Build().PairWith(_mentor, _programme, TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => _mentee.PairWith(_mentor, _programme, TestClock.Now));

        Assert.Contains("full capacity", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _mentor.ActiveMenteeCount);
        Assert.Empty(_mentee.Pairings);
    }

    [Fact]
    public void PairWith_AlreadyPairedInProgramme_Throws()
    {
        var other = new MentorBuilder().InProgramme(_programme).Build();
        _mentee.PairWith(other, _programme, TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => _mentee.PairWith(_mentor, _programme, TestClock.Now));

        Assert.Contains("already has a mentor", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _mentor.ActiveMenteeCount);
    }

    /// <summary>
    /// The rule "the first acceptance wins: the trainee's other requests in the programme stop here"
    /// should hold however the pairing starts; otherwise the requests stay pending, fill the trainee's
    /// three slots and fail when a mentor tries to accept them.
    /// </summary>
    [Fact]
    public void PairWith_MenteeHasPendingRequestsInProgramme_WithdrawsThem()
    {
        var programme = new ProgrammeBuilder().Build();
        var mentee = new MenteeBuilder().InProgramme(programme).Build();
        var asked = new MentorBuilder().InProgramme(programme).Build();
        var request = mentee.Ask(asked, programme);
        var matched = new MentorBuilder().InProgramme(programme).Build();

        mentee.PairWith(matched, programme, TestClock.Now);

        Assert.Equal(ContactRequestStatus.Withdrawn, request.Status);
        Assert.Equal(0, mentee.PendingRequestCount);
    }
}
