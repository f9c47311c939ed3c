using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Requests;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Requests;

public sealed class ContactRequestTests
{
    private readonly Mentor _mentor;
    private readonly ContactRequest _request;

    public ContactRequestTests()
    {
        var programme = new ProgrammeBuilder().Build();
        _mentor = new MentorBuilder().InProgramme(programme).Build();
        _request = new MenteeBuilder().InProgramme(programme).Build().Ask(_mentor, programme);
    }

    private static DateTime Later => TestClock.Now.AddDays(2);

    [Theory]
    [InlineData(DeclineReason.NoPlaceNow)]
    [InlineData(DeclineReason.NotTheRightFit)]
    [InlineData(DeclineReason.UnavailableForAWhile)]
    [InlineData(DeclineReason.ConflictOfInterest)]
    public void Decline_ReasonOtherThanOtherWithoutNote_Declines(DeclineReason reason)
    {
        _request.Decline(reason, note: null, Later);

        Assert.Equal(ContactRequestStatus.Declined, _request.Status);
        Assert.Equal(reason, _request.DeclineReason);
        Assert.True(string.IsNullOrEmpty(_request.DeclineNote));
        Assert.Equal(Later, _request.AnsweredAt);
    }

    [Fact]
    public void Decline_ReasonOtherWithNote_RecordsTrimmedNote()
    {
        _request.Decline(DeclineReason.Other, "  I am moving abroad next month.  ", Later);

        Assert.Equal(ContactRequestStatus.Declined, _request.Status);
        Assert.Equal(DeclineReason.Other, _request.DeclineReason);
        Assert.Equal("I am moving abroad next month.", _request.DeclineNote);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Decline_ReasonOtherWithoutNote_Throws(string? note)
    {
        var error = Assert.Throws<DomainRuleException>(() => _request.Decline(DeclineReason.Other, note, Later));

        Assert.Equal("Enter a note for the trainee.", error.Message);
    }

    /// <summary>Bad input changes nothing: the mentor must be able to correct the note and decline again.</summary>
    [Fact]
    public void Decline_ReasonOtherWithoutNote_LeavesRequestPending()
    {
        Assert.Throws<DomainRuleException>(() => _request.Decline(DeclineReason.Other, note: null, Later));

        Assert.Equal(ContactRequestStatus.Pending, _request.Status);
        Assert.Null(_request.DeclineReason);
        Assert.Null(_request.AnsweredAt);
    }

    [Fact]
    public void Decline_NoteTooLong_Throws()
    {
        var note = new string('n', ContactRequest.MaxDeclineNoteLength + 1);

        var error = Assert.Throws<DomainRuleException>(() => _request.Decline(DeclineReason.NoPlaceNow, note, Later));

        Assert.Equal("Keep a note for the trainee to 500 characters or fewer.", error.Message);
    }

    [Fact]
    public void Decline_Pending_FreesMenteesPendingSlot()
    {
        var mentee = _request.Mentee!;

        _request.Decline(DeclineReason.NoPlaceNow, note: null, Later);

        Assert.Equal(0, mentee.PendingRequestCount);
    }

    [Fact]
    public void Cancel_Pending_CancelsRequest()
    {
        _request.Cancel(Later);

        Assert.Equal(ContactRequestStatus.Cancelled, _request.Status);
        Assert.Equal(Later, _request.AnsweredAt);
        Assert.False(_request.IsPending);
    }

    [Fact]
    public void ExpireIfDue_BeforeExpiresAt_StaysPending()
    {
        var expired = _request.ExpireIfDue(_request.ExpiresAt.AddTicks(-1));

        Assert.False(expired);
        Assert.Equal(ContactRequestStatus.Pending, _request.Status);
        Assert.Null(_request.AnsweredAt);
    }

    [Fact]
    public void ExpireIfDue_AtExpiresAt_Expires()
    {
        var expired = _request.ExpireIfDue(_request.ExpiresAt);

        Assert.True(expired);
        Assert.Equal(ContactRequestStatus.Expired, _request.Status);
        Assert.Equal(_request.ExpiresAt, _request.AnsweredAt);
    }

    [Fact]
    public void ExpireIfDue_AfterExpiresAt_Expires()
    {
        var now = _request.ExpiresAt.AddDays(3);

        var expired = _request.ExpireIfDue(now);

        Assert.True(expired);
        Assert.Equal(ContactRequestStatus.Expired, _request.Status);
        Assert.Equal(now, _request.AnsweredAt);
    }

    [Theory]
    [InlineData(ContactRequestStatus.Accepted)]
    [InlineData(ContactRequestStatus.Declined)]
    [InlineData(ContactRequestStatus.Cancelled)]
    public void ExpireIfDue_AlreadyAnswered_ChangesNothing(ContactRequestStatus answered)
    {
        Answer(answered);
        var answeredAt = _request.AnsweredAt;

        var expired = _request.ExpireIfDue(_request.ExpiresAt.AddDays(1));

        Assert.False(expired);
        Assert.Equal(answered, _request.Status);
        Assert.Equal(answeredAt, _request.AnsweredAt);
    }

    [Theory]
    [InlineData(ContactRequestStatus.Accepted, "accepted")]
    [InlineData(ContactRequestStatus.Declined, "declined")]
    [InlineData(ContactRequestStatus.Cancelled, "cancelled")]
    [InlineData(ContactRequestStatus.Expired, "expired")]
    public void Decline_AlreadyAnswered_Throws(ContactRequestStatus answered, string described)
    {
        Answer(answered);

        var error = Assert.Throws<DomainRuleException>(() => _request.Decline(DeclineReason.NoPlaceNow, note: null, Later));

        Assert.Equal($"This request has already been {described}.", error.Message);
        Assert.Equal(answered, _request.Status);
    }

    [Theory]
    [InlineData(ContactRequestStatus.Accepted, "accepted")]
    [InlineData(ContactRequestStatus.Declined, "declined")]
    [InlineData(ContactRequestStatus.Cancelled, "cancelled")]
    [InlineData(ContactRequestStatus.Expired, "expired")]
    public void Cancel_AlreadyAnswered_Throws(ContactRequestStatus answered, string described)
    {
        Answer(answered);

        var error = Assert.Throws<DomainRuleException>(() => _request.Cancel(Later));

        Assert.Equal($"This request has already been {described}.", error.Message);
        Assert.Equal(answered, _request.Status);
    }

    private void Answer(ContactRequestStatus status)
    {
        switch (status)
        {
            case ContactRequestStatus.Accepted:
                _mentor.Accept(_request, TestClock.Now);
                break;
            case ContactRequestStatus.Declined:
                _request.Decline(DeclineReason.NotTheRightFit, note: null, TestClock.Now);
                break;
            case ContactRequestStatus.Cancelled:
                _request.Cancel(TestClock.Now);
                break;
            case ContactRequestStatus.Expired:
                _request.ExpireIfDue(_request.ExpiresAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Not an answer this test can give.");
        }
    }
}
