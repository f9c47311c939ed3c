using MentoringPortal.Domain;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;

namespace MentoringPortal.UnitTests.Builders;

public static class RequestExtensions
{
    public const string Message = "I am returning after parental leave and would value your advice on getting back to theatre.";

    /// <summary>The mentee asks the mentor, now, with the usual message and no preferred way to meet.</summary>
    public static ContactRequest Ask(this Mentee mentee, Mentor mentor, Programme programme) =>
        mentee.RequestContact(mentor, programme, Message, MeetingModes.None, TestClock.Now, TestClock.RequestExpiry);
}
