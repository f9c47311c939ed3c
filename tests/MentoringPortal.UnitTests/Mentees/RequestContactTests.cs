using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using MentoringPortal.UnitTests.Builders;

namespace MentoringPortal.UnitTests.Mentees;

public sealed class RequestContactTests
{
    private readonly Programme _programme;
    private readonly Mentor _mentor;
    private readonly Mentee _mentee;

    public RequestContactTests()
    {
        _programme = new ProgrammeBuilder().Build();
        _mentor = new MentorBuilder().WithName("Dr Ada Lovelace").InProgramme(_programme).Build();
        _mentee = new MenteeBuilder().InProgramme(_programme).Build();
    }

    [Fact]
    public void RequestContact_ContactableMentor_CreatesPendingRequest()
    {
        var request = _mentee.RequestContact(
            _mentor, _programme, "  Could we talk about returning to theatre?  ", MeetingModes.Video,
            TestClock.Now, TestClock.RequestExpiry);

        Assert.Equal(ContactRequestStatus.Pending, request.Status);
        Assert.Equal(_mentee.Id, request.MenteeId);
        Assert.Equal(_mentor.Id, request.MentorId);
        Assert.Equal(_programme.Id, request.ProgrammeId);
        Assert.Equal("Could we talk about returning to theatre?", request.Message);
        Assert.Equal(MeetingModes.Video, request.PreferredMode);
        Assert.Equal(TestClock.Now, request.CreatedAt);
        Assert.Null(request.AnsweredAt);
        Assert.Same(request, Assert.Single(_mentee.Requests));
        Assert.Equal(1, _mentee.PendingRequestCount);
    }

    [Fact]
    public void RequestContact_ExpiryPeriod_ExpiresAtNowPlusPeriod()
    {
        var request = _mentee.RequestContact(
            _mentor, _programme, RequestExtensions.Message, MeetingModes.None, TestClock.Now, TimeSpan.FromDays(10));

        Assert.Equal(TestClock.Now.AddDays(10), request.ExpiresAt);
        Assert.Equal(DateTimeKind.Utc, request.ExpiresAt.Kind);
    }

    [Fact]
    public void RequestContact_ProfileIncomplete_Throws()
    {
        var mentee = new MenteeBuilder().WithIncompleteProfile().InProgramme(_programme).Build();

        var error = Assert.Throws<DomainRuleException>(() => mentee.Ask(_mentor, _programme));

        Assert.Equal("Complete your profile before contacting a mentor.", error.Message);
        Assert.Empty(mentee.Requests);
    }

    [Fact]
    public void RequestContact_NoProgrammeJoined_ThrowsProfileIncomplete()
    {
        var mentee = new MenteeBuilder().WithoutProgramme().Build();

        var error = Assert.Throws<DomainRuleException>(() => mentee.Ask(_mentor, _programme));

        Assert.Equal("Complete your profile before contacting a mentor.", error.Message);
    }

    [Fact]
    public void RequestContact_ProgrammeSchemeMatches_Throws()
    {
        var matched = new ProgrammeBuilder().WithName("Leadership Fellows", "leadership-fellows").SchemeMatches().Build();
        var mentor = new MentorBuilder().InProgramme(matched).Build();
        var mentee = new MenteeBuilder().InProgramme(matched).Build();

        var error = Assert.Throws<DomainRuleException>(() => mentee.Ask(mentor, matched));

        Assert.Equal(
            "In Leadership Fellows the scheme matches mentees with mentors, so mentors cannot be contacted directly.",
            error.Message);
        Assert.Empty(mentee.Requests);
    }

    [Fact]
    public void RequestContact_MentorNotInProgramme_Throws()
    {
        var elsewhere = new ProgrammeBuilder().WithName("Supported Return", "supported-return").Build();
        var mentor = new MentorBuilder().WithName("Dr Ada Lovelace").InProgramme(elsewhere).Build();

        var error = Assert.Throws<DomainRuleException>(() => _mentee.Ask(mentor, _programme));

        Assert.Equal("Dr Ada Lovelace does not mentor in Return to Training.", error.Message);
        Assert.Empty(_mentee.Requests);
    }

    [Fact]
    public void RequestContact_MenteeNotInProgramme_Throws()
    {
        var elsewhere = new ProgrammeBuilder().WithName("Supported Return", "supported-return").Build();
        var mentee = new MenteeBuilder().InProgramme(elsewhere).Build();

        var error = Assert.Throws<DomainRuleException>(() => mentee.Ask(_mentor, _programme));

        Assert.Equal("Join Return to Training in your profile before contacting its mentors.", error.Message);
        Assert.Empty(mentee.Requests);
    }

    [Fact]
    public void RequestContact_AlreadyPairedInProgramme_Throws()
    {
        var current = new MentorBuilder().InProgramme(_programme).Build();
        current.Accept(_mentee.Ask(current, _programme), TestClock.Now);

        var error = Assert.Throws<DomainRuleException>(() => _mentee.Ask(_mentor, _programme));

        Assert.Contains("already have a mentor in Return to Training", error.Message, StringComparison.Ordinal);
        Assert.Single(_mentee.Requests);
    }

    [Fact]
    public void RequestContact_PairedInAnotherProgramme_CreatesRequest()
    {
        var elsewhere = new ProgrammeBuilder().WithName("Supported Return", "supported-return").Build();
        var mentee = new MenteeBuilder().InProgramme(_programme).InProgramme(elsewhere).Build();
        var otherMentor = new MentorBuilder().InProgramme(elsewhere).Build();
        otherMentor.Accept(mentee.Ask(otherMentor, elsewhere), TestClock.Now);

        var request = mentee.Ask(_mentor, _programme);

        Assert.Equal(ContactRequestStatus.Pending, request.Status);
    }

    [Fact]
    public void RequestContact_AlreadyPendingWithSameMentor_Throws()
    {
        _mentee.Ask(_mentor, _programme);

        var error = Assert.Throws<DomainRuleException>(() => _mentee.Ask(_mentor, _programme));

        Assert.Equal("You have already asked Dr Ada Lovelace. Please wait for their answer.", error.Message);
        Assert.Single(_mentee.Requests);
    }

    [Fact]
    public void RequestContact_EarlierRequestToSameMentorDeclined_CreatesRequest()
    {
        var first = _mentee.Ask(_mentor, _programme);
        first.Decline(DeclineReason.UnavailableForAWhile, note: null, TestClock.Now);

        var second = _mentee.Ask(_mentor, _programme);

        Assert.Equal(ContactRequestStatus.Pending, second.Status);
        Assert.Equal(2, _mentee.Requests.Count);
    }

    [Fact]
    public void RequestContact_ThreePending_ThrowsOnFourth()
    {
        AskNewMentors(Mentee.MaxPendingRequests);
        var fourth = new MentorBuilder().InProgramme(_programme).Build();

        var error = Assert.Throws<DomainRuleException>(() => _mentee.Ask(fourth, _programme));

        Assert.StartsWith("You have 3 requests waiting for an answer.", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _mentee.PendingRequestCount);
        Assert.Equal(3, _mentee.Requests.Count);
    }

    [Fact]
    public void RequestContact_ThreePendingAcrossProgrammes_ThrowsOnFourth()
    {
        var elsewhere = new ProgrammeBuilder().WithName("Supported Return", "supported-return").Build();
        var mentee = new MenteeBuilder().InProgramme(_programme).InProgramme(elsewhere).Build();
        mentee.Ask(new MentorBuilder().InProgramme(_programme).Build(), _programme);
        mentee.Ask(new MentorBuilder().InProgramme(_programme).Build(), _programme);
        mentee.Ask(new MentorBuilder().InProgramme(elsewhere).Build(), elsewhere);

        Assert.Throws<DomainRuleException>(() => mentee.Ask(new MentorBuilder().InProgramme(elsewhere).Build(), elsewhere));
    }

    [Fact]
    public void RequestContact_OneOfThreeCancelled_CreatesRequest()
    {
        var requests = AskNewMentors(Mentee.MaxPendingRequests);
        requests[0].Cancel(TestClock.Now);

        var request = _mentee.Ask(new MentorBuilder().InProgramme(_programme).Build(), _programme);

        Assert.Equal(ContactRequestStatus.Pending, request.Status);
        Assert.Equal(3, _mentee.PendingRequestCount);
    }

    [Fact]
    public void RequestContact_OneOfThreeExpired_CreatesRequest()
    {
        var requests = AskNewMentors(Mentee.MaxPendingRequests);
        requests[1].ExpireIfDue(requests[1].ExpiresAt);

        var request = _mentee.Ask(new MentorBuilder().InProgramme(_programme).Build(), _programme);

        Assert.Equal(ContactRequestStatus.Pending, request.Status);
    }

    [Fact]
    public void RequestContact_MentorFull_ThrowsMentorsReason()
    {
        var mentor = new MentorBuilder().WithName("Dr Ada Lovelace").InProgramme(_programme)
            .WithCapacity(1).WithActiveMentees(1).Build();

        var error = Assert.Throws<DomainRuleException>(() => _mentee.Ask(mentor, _programme));

        Assert.Equal("Dr Ada Lovelace is at full capacity at the moment. Please contact another mentor.", error.Message);
        Assert.Empty(_mentee.Requests);
    }

    [Fact]
    public void RequestContact_MentorPaused_ThrowsMentorsReason()
    {
        var mentor = new MentorBuilder().InProgramme(_programme).PausedUntil(TestClock.Today.AddMonths(1)).Build();

        var error = Assert.Throws<DomainRuleException>(() => _mentee.Ask(mentor, _programme));

        Assert.Equal(mentor.WhyNotContactable(TestClock.Today), error.Message);
        Assert.Empty(_mentee.Requests);
    }

    [Fact]
    public void RequestContact_MentorNotAccepting_Throws()
    {
        var mentor = new MentorBuilder().InProgramme(_programme).NotAccepting().Build();

        Assert.Throws<DomainRuleException>(() => _mentee.Ask(mentor, _programme));
        Assert.Empty(_mentee.Requests);
    }

    [Fact]
    public void RequestContact_MentorUnapproved_Throws()
    {
        var mentor = new MentorBuilder().InProgramme(_programme).Unapproved().Build();

        var error = Assert.Throws<DomainRuleException>(() => _mentee.Ask(mentor, _programme));

        Assert.Contains("not currently listed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestContact_UnsupportedMeetingMode_Throws()
    {
        var mentor = new MentorBuilder().WithName("Dr Ada Lovelace").InProgramme(_programme)
            .WithMeetingModes(MeetingModes.Video | MeetingModes.Phone).Build();

        var error = Assert.Throws<DomainRuleException>(() => _mentee.RequestContact(
            mentor, _programme, RequestExtensions.Message, MeetingModes.FaceToFace, TestClock.Now, TestClock.RequestExpiry));

        Assert.Equal("Dr Ada Lovelace does not offer face to face meetings.", error.Message);
        Assert.Empty(_mentee.Requests);
    }

    [Theory]
    [InlineData(MeetingModes.None)]
    [InlineData(MeetingModes.Video)]
    [InlineData(MeetingModes.Phone)]
    public void RequestContact_NoPreferenceOrOfferedMode_CreatesRequest(MeetingModes preferred)
    {
        var mentor = new MentorBuilder().InProgramme(_programme).WithMeetingModes(MeetingModes.Video | MeetingModes.Phone).Build();

        var request = _mentee.RequestContact(
            mentor, _programme, RequestExtensions.Message, preferred, TestClock.Now, TestClock.RequestExpiry);

        Assert.Equal(preferred, request.PreferredMode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RequestContact_MessageMissing_Throws(string message)
    {
        var error = Assert.Throws<DomainRuleException>(() => _mentee.RequestContact(
            _mentor, _programme, message, MeetingModes.None, TestClock.Now, TestClock.RequestExpiry));

        Assert.Equal("Enter a message to the mentor.", error.Message);
        Assert.Empty(_mentee.Requests);
    }

    [Fact]
    public void RequestContact_MessageTooLong_Throws()
    {
        var message = new string('a', ContactRequest.MaxMessageLength + 1);

        var error = Assert.Throws<DomainRuleException>(() => _mentee.RequestContact(
            _mentor, _programme, message, MeetingModes.None, TestClock.Now, TestClock.RequestExpiry));

        Assert.Equal("Keep a message to the mentor to 2000 characters or fewer.", error.Message);
        Assert.Empty(_mentee.Requests);
    }

    [Fact]
    public void RequestContact_MessageAtMaxLength_CreatesRequest()
    {
        var message = new string('a', ContactRequest.MaxMessageLength);

        var request = _mentee.RequestContact(
            _mentor, _programme, message, MeetingModes.None, TestClock.Now, TestClock.RequestExpiry);

        Assert.Equal(ContactRequest.MaxMessageLength, request.Message.Length);
    }

    [Fact]
    public void RequestContact_TimeNotUtc_Throws()
    {
        var localNow = DateTime.SpecifyKind(TestClock.Now, DateTimeKind.Local);

        Assert.Throws<ArgumentException>(() => _mentee.RequestContact(
            _mentor, _programme, RequestExtensions.Message, MeetingModes.None, localNow, TestClock.RequestExpiry));
        Assert.Empty(_mentee.Requests);
    }

    private List<ContactRequest> AskNewMentors(int count) =>
        Enumerable.Range(0, count)
            .Select(_ => _mentee.Ask(new MentorBuilder().InProgramme(_programme).Build(), _programme))
            .ToList();
}
