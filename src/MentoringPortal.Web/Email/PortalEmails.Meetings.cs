using MentoringPortal.Web.Email.Templates;
using Microsoft.AspNetCore.Components;

namespace MentoringPortal.Web.Email;

/// <summary>
/// Meeting emails. They say when and where, and who with, to the two members only; never notes or
/// agreed actions. Both members get each one, with a calendar that says even less (built by the caller),
/// so that both calendars follow the portal: a new event, then updates, then its cancellation.
/// </summary>
public sealed partial class PortalEmails
{
    public const string MeetingPlannedSubject = "Mentoring meeting planned";
    public const string MeetingChangedSubject = "Mentoring meeting changed";
    public const string MeetingCancelledSubject = "Mentoring meeting cancelled";

    public void MeetingPlanned(Recipient to, string otherName, string when, string where, bool isInitial, string pairingPath,
        MeetingCalendar calendar) =>
        AddWithCalendar(to, new MeetingPlannedModel(otherName, when, where, isInitial, pairingPath), calendar);

    /// <summary>To each member; the one who made the change (<c>changedByRecipient</c>) is told so, and their calendar is updated too.</summary>
    public void MeetingChanged(Recipient to, string otherName, bool changedByRecipient, string when, string where, string pairingPath,
        MeetingCalendar calendar) =>
        AddWithCalendar(to, new MeetingChangedModel(otherName, changedByRecipient, when, where, pairingPath), calendar);

    /// <summary>To each member; the one who cancelled (<c>cancelledByRecipient</c>) is told so, and their calendar drops the meeting too.</summary>
    public void MeetingCancelled(Recipient to, string otherName, bool cancelledByRecipient, string when, string pairingPath,
        MeetingCalendar calendar) =>
        AddWithCalendar(to, new MeetingCancelledModel(otherName, cancelledByRecipient, when, pairingPath), calendar);

    /// <summary>To the other member: a meeting that already happened was recorded. Never the agreed actions or the logger's note.</summary>
    public void MeetingRecorded(Recipient to, string otherName, string when, string how, string pairingPath) =>
        Add(to, new MeetingRecordedModel(otherName, when, how, pairingPath));

    /// <summary>To the other member: a planned meeting whose time passed was recorded as not having happened.</summary>
    public void MeetingDidNotHappen(Recipient to, string otherName, string when, string pairingPath) =>
        Add(to, new MeetingDidNotHappenModel(otherName, when, pairingPath));

    private void AddWithCalendar<TTemplate>(Recipient to, IEmailModel<TTemplate> model, MeetingCalendar calendar)
        where TTemplate : IComponent =>
        Deliver(to, model, calendar);
}

/// <summary>A calendar file (.ics) to attach to an email; <see cref="ContentType"/> names its iTIP method, e.g. "text/calendar; method=REQUEST".</summary>
public sealed record MeetingCalendar(string FileName, string ContentType, string Content);
