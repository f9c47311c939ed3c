using System.Globalization;
using MentoringPortal.Domain.Notifications;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Email;
using MentoringPortal.Web.Email.Templates;
using MentoringPortal.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MentoringPortal.UnitTests.Email;

/// <summary>
/// Email templates rendered by the framework's HtmlRenderer: the shared layout, HTML encoding of people's
/// words (and no double encoding in the text alternative), the British dates whatever the thread's culture.
/// </summary>
public sealed class EmailRendererTests
{
    private const string BaseUrl = "https://portal.example/";

    private const string SignatureAndFooterHtml = "<p>The mentoring scheme team</p><p>Choose which emails you get, and how often: "
        + "<a href=\"https://portal.example/me/settings\">https://portal.example/me/settings</a></p></body></html>";

    [Fact]
    public void Text_IsGreetingParagraphsBulletsActionAndSignature()
    {
        var email = Render("Zoë Ng", new RequestDeclinedModel("Dr Ana García", DeclineReason.NoPlaceNow, "Try Sam first.", ["Sam Patel", "Lee Wu"]));

        Assert.Equal("About your request to Dr Ana García", email.Subject);
        Assert.Equal(
            """
            Dear Zoë Ng,

            Thank you for asking Dr Ana García to be your mentor. They are not able to take you on because they have no place free at the moment.

            Dr Ana García added: "Try Sam first."

            This happens often and says nothing about you. Many trainees contact two or three mentors before they find the right one.

            - Accepting now: Sam Patel
            - Accepting now: Lee Wu

            Find a mentor who is accepting now: https://portal.example/mentors?accepting=true

            The mentoring scheme team

            Choose which emails you get, and how often: https://portal.example/me/settings

            """.ReplaceLineEndings("\n"),
            email.Text);
    }

    [Fact]
    public void Html_IsOneDocumentWithParagraphsListAndActionLink()
    {
        var email = Render("Zoë Ng", new RequestDeclinedModel("Ana", DeclineReason.NoPlaceNow, null, ["Sam Patel"]));

        Assert.StartsWith("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>About your request to Ana</title></head><body",
            email.Html, StringComparison.Ordinal);
        Assert.Contains("<p>Dear Zo&#xEB; Ng,</p>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<ul><li>Accepting now: Sam Patel</li></ul>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<p><a href=\"https://portal.example/mentors?accepting=true\" style=\"color:#0b4f9c;font-weight:bold\">Find a mentor who is accepting now</a></p>",
            email.Html, StringComparison.Ordinal);
        Assert.EndsWith(SignatureAndFooterHtml, email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("added:", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void PeoplesWords_AreEncodedInHtml_AndWrittenAsTheyAreInText()
    {
        const string Note = "<script>alert(1)</script> Tom & Jerry's \"plan\"";
        var email = Render("<b>Zoë</b>", new RequestDeclinedModel("A&B <i>", DeclineReason.Other, Note, []));

        Assert.Equal("About your request to A&B <i>", email.Subject);
        Assert.Contains("<title>About your request to A&amp;B &lt;i&gt;</title>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry&#x27;s &quot;plan&quot;", email.Html, StringComparison.Ordinal);

        Assert.StartsWith("Dear <b>Zoë</b>,\n\n", email.Text, StringComparison.Ordinal);
        Assert.Contains($"A&B <i> added: \"{Note}\"\n\n", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TextOfAnEntity_IsNotDecodedTwice()
    {
        var email = Render("Sam", new MentorDeclinedModel("Write &amp; for an ampersand, &lt;p&gt; for a tag."));

        Assert.Contains("\"Write &amp; for an ampersand, &lt;p&gt; for a tag.\"", email.Text, StringComparison.Ordinal);
        Assert.Contains("Write &amp;amp; for an ampersand, &amp;lt;p&amp;gt; for a tag.", email.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    [InlineData("en-US")]
    public void Dates_AreBritish_WhateverTheThreadCulture(string threadCulture)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(threadCulture);
        try
        {
            var email = Render("Sam", new TrainingExpiringModel(new DateOnly(2026, 12, 4)));
            var warning = Render("Sam", new UnusedAccountWarningModel(3, new DateOnly(2027, 1, 31)));

            Assert.Equal("Your mentor training expires on 4 December 2026", email.Subject);
            Assert.Contains("The scheme's record of your mentor training runs until 4 December 2026.", email.Text, StringComparison.Ordinal);
            Assert.Contains("<title>Your mentor training expires on 4 December 2026</title>", email.Html, StringComparison.Ordinal);
            Assert.Contains("for 3 years", warning.Text, StringComparison.Ordinal);
            Assert.Contains("deleted on 31 January 2027.", warning.Text, StringComparison.Ordinal);
            Assert.Equal(threadCulture, CultureInfo.CurrentCulture.Name);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Links_InASentence_AreFullAddresses_AndFullAddressesAreKept()
    {
        var exists = Render("Sam", new AccountAlreadyExistsModel());
        var reset = Render("Sam", new ResetPasswordModel("https://elsewhere.example/reset?code=a&b=c"));

        Assert.Contains("If you have forgotten your password, you can choose a new one: https://portal.example/account/forgot-password\n",
            exists.Text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://portal.example/account/forgot-password\">https://portal.example/account/forgot-password</a>",
            exists.Html, StringComparison.Ordinal);
        Assert.Contains("Choose a new password: https://elsewhere.example/reset?code=a&b=c\n", reset.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://elsewhere.example/reset?code=a&amp;b=c\"", reset.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void OneSentenceChosenByTheModel_AndASharedParagraph()
    {
        var toMentee = Render("Sam", new ExitSurveyInvitationModel("Ana", "Foundation", IsMentee: true, PairingId: 7));
        var toMentor = Render("Ana", new ExitSurveyInvitationModel("Sam", "Foundation", IsMentee: false, PairingId: 7));

        Assert.Contains("Your pairing with Ana in Foundation has ended. Thank you for taking part.", toMentee.Text, StringComparison.Ordinal);
        Assert.Contains("Your mentoring of Sam in Foundation has ended. Thank you for the time you gave.", toMentor.Text, StringComparison.Ordinal);
        Assert.All([toMentee, toMentor], email =>
        {
            Assert.Equal(PortalEmails.ExitSurveyInvitationSubject, email.Subject);
            Assert.Contains("never shown to the other member of your pairing.\n\n", email.Text, StringComparison.Ordinal);
            Assert.Contains("Answer two questions: https://portal.example/pairings/7/exit-survey\n", email.Text, StringComparison.Ordinal);
        });
    }

    /// <summary>Every PortalEmails method, through its template: each has a subject, the layout, and text without markup.</summary>
    [Fact]
    public void EveryEmail_RendersThroughItsTemplate()
    {
        // PortalEmails reads each recipient's notification settings; an empty database means everything at once.
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connection).Options);
        db.Database.EnsureCreated();
        var emails = new PortalEmails(db, TimeProvider.System, Portal(), Renderer());
        var to = new Recipient("zoe@example.org", "Zoë");
        var calendar = new MeetingCalendar("meeting.ics", "text/calendar; method=REQUEST", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
        var due = new DateTime(2026, 12, 18, 0, 0, 0, DateTimeKind.Utc);
        var mentor = new MatchedMentor("Ana", "Surgery", "Consultant", "North", "Trained abroad", "Exams");

        var sends = new List<Action>
        {
            () => emails.ConfirmEmail(to, "https://portal.example/account/confirm-email?code=1"),
            () => emails.AccountAlreadyExists(to),
            () => emails.ResetPassword(to, "https://portal.example/account/reset-password?code=1"),
            () => emails.PasswordChanged(to),
            () => emails.NewRequest(to, "Sam", "Foundation", due),
            () => emails.RequestSent(to, "Ana", "Foundation", due),
            () => emails.RequestAccepted(to, "Ana", "ana@example.org"),
            () => emails.PairingStarted(to, "Sam", "sam@example.org"),
            () => emails.RequestDeclined(to, "Ana", DeclineReason.NotTheRightFit, null, []),
            () => emails.RequestWithdrawn(to, "Sam"),
            () => emails.RequestExpired(to, "Ana", []),
            () => emails.ApplicationReceived(to, "Foundation"),
            () => emails.ApplicationMatched(to, mentor, "Foundation", 3),
            () => emails.MatchedMenteeArrives(to, "Sam", "Foundation", 3),
            () => emails.ApplicationDeclined(to, "Foundation", "Full this year."),
            () => emails.ProposalReceived(to, "Sam", "Foundation", new DateOnly(2026, 12, 12)),
            () => emails.ApplicationProposed(to, "Foundation", new DateOnly(2026, 12, 12)),
            () => emails.FindingAnotherMentor(to, "Foundation"),
            () => emails.ProposalReturned(to, "Sam", "Ana", "Foundation", lapsed: true),
            () => emails.ProposalReturned(to, "Sam", "Ana", "Foundation", lapsed: false),
            () => emails.DataExportReady(to, due),
            () => emails.DeletionRequested(to, due),
            () => emails.DeletionCancelled(to),
            () => emails.AccountErased(to),
            () => emails.UnusedAccountWarning(to, 3, due),
            () => emails.MeetingPlanned(to, "Sam", "Monday 7 December 2026 at 10:00", "the library", true, "/pairings/3", calendar),
            () => emails.MeetingChanged(to, "Sam", false, "Monday 7 December 2026 at 11:00", "the library", "/pairings/3", calendar),
            () => emails.MeetingCancelled(to, "Sam", true, "Monday 7 December 2026 at 11:00", "/pairings/3", calendar),
            () => emails.MeetingRecorded(to, "Sam", "Monday 7 December 2026, 10:00 to 11:00 GMT (UK time)", "Video call", "/pairings/3"),
            () => emails.MeetingDidNotHappen(to, "Sam", "Monday 7 December 2026, 10:00 to 11:00 GMT (UK time)", "/pairings/3"),
            () => emails.MentorSignUpWaiting(to, "Ana"),
            () => emails.MentorApproved(to, false),
            () => emails.MentorDeclined(to, "Please add your grade."),
            () => emails.TrainingExpiring(to, new DateOnly(2027, 1, 1)),
            () => emails.PairingEnded(to, "Sam", EndReason.GoalsMet, false),
            () => emails.ChangeRequestWaiting(to, "Foundation"),
            () => emails.ChangeRequestReceived(to),
            () => emails.MeetingOverdue(to, "Sam", 8, 3),
            () => emails.MessageWaiting(to, "Sam", 3),
            () => emails.ReassignedMenteeNewMentor(to, "Ana", 4),
            () => emails.ReassignedNewMentee(to, "Sam", "Foundation", 4),
            () => emails.ReassignedPairingEnded(to, "Sam"),
            () => emails.PairingEndedByScheme(to, "Sam", "Sorry.", true),
            () => emails.ChangeRequestDeclined(to, "Sam", "Give it time."),
            () => emails.EvaluationInvitation(to, "Sam", "Foundation", true, 3),
            () => emails.EvaluationReminder(to, "Sam", "Foundation", 3),
            () => emails.ExitSurveyInvitation(to, "Sam", "Foundation", false, 3),
            () => emails.AgreementToConfirm(to, "Sam", true, 3),
            () => emails.AgreementToConfirm(to, "Sam", false, 3),
            () => emails.AgreementAgreed(to, "Sam", new DateOnly(2027, 3, 3), 3),
            () => emails.InvitationToJoin(to, "Foundation", true, "/account/invitation?id=1", new DateOnly(2026, 12, 19)),
            () => emails.InvitationToJoin(to, "Foundation", false, "/account/invitation?id=1", new DateOnly(2026, 12, 19)),
            () => emails.AddedToProgramme(to, "Foundation", false),
            () => emails.Broadcast(to, "Foundation", "Course dates", "Dear all,\n\nThe course runs in March.\nAsk us."),
            () => emails.DailyDigest(to, new DateOnly(2026, 12, 7),
                [new DigestGroup(EmailKind.Messages, [new DigestLine(EmailKind.Messages, "A message from Sam is waiting for you", "/pairings/3#messages", due)])]),
        };
        foreach (var send in sends)
        {
            send();
        }

        var rows = db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity).ToList();
        Assert.Equal(sends.Count, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Subject));
            Assert.DoesNotContain('\n', row.Subject);
            Assert.StartsWith("Dear Zoë,\n\n", row.TextBody, StringComparison.Ordinal);
            Assert.EndsWith("\n\nThe mentoring scheme team\n\nChoose which emails you get, and how often: https://portal.example/me/settings\n",
                row.TextBody, StringComparison.Ordinal);
            Assert.EndsWith(SignatureAndFooterHtml, row.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("\n\n\n", row.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain('<', row.TextBody);
            Assert.DoesNotContain('&', row.TextBody);
            Assert.StartsWith("<!DOCTYPE html><html lang=\"en\">", row.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("<p>Dear Zo&#xEB;,</p>", row.HtmlBody, StringComparison.Ordinal);
            Assert.Equal("zoe@example.org", row.To);
        });
        Assert.Equal(3, rows.Count(r => r.AttachmentName == "meeting.ics"));
    }

    [Fact]
    public void SingleSignOnLink_NamesTheProviderAndIdentity_SaysOnceForAnHour_AndWhatToDoIfNotYou()
    {
        var link = Render("Sam", new SingleSignOnLinkModel("NHS.net account", "Sam <Patel>", "https://portal.example/account/sso/link/confirm?token=abc"));

        Assert.Equal("Link your organisation sign-in to your mentoring portal account", link.Subject);
        Assert.Contains("signed in to the mentoring portal with NHS.net account as “Sam <Patel>”", link.Text, StringComparison.Ordinal);
        Assert.Contains("Sam &lt;Patel&gt;", link.Html, StringComparison.Ordinal);
        Assert.Contains("Link the sign-in: https://portal.example/account/sso/link/confirm?token=abc", link.Text, StringComparison.Ordinal);
        Assert.Contains("The link works once, for one hour.", link.Text, StringComparison.Ordinal);
        Assert.Contains("If this was not you, do not open the link", link.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AdministratorsMessage_KeepsItsParagraphsAndLines_AndEncodesItsWords()
    {
        var email = Render("Sam", new BroadcastModel("Foundation", "Dates & <times>", "Dear all,\r\n\r\nThe course runs in March.\nAsk <b>us</b>."));

        Assert.Equal("Dates & <times>", email.Subject);
        Assert.Contains("Dear all,\n\nThe course runs in March.\nAsk <b>us</b>.\n\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("<p>Dear all,</p><p>The course runs in March.<br>Ask &lt;b&gt;us&lt;/b&gt;.</p>", email.Html, StringComparison.Ordinal);
        Assert.Equal("/me", email.Link);
    }

    [Fact]
    public void Digest_GroupsLinesUnderTheirKind_WithFullLinks()
    {
        var at = new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);
        var email = Render("Sam", new DailyDigestModel(new DateOnly(2026, 12, 7), DigestRules.Group(
        [
            new DigestLine(EmailKind.Meetings, "Time to arrange your next mentoring meeting", "/pairings/3", at),
            new DigestLine(EmailKind.Messages, "A message from Ana is waiting for you", "/pairings/3#messages", at),
        ])));

        Assert.Equal("Your mentoring digest for 7 December 2026", email.Subject);
        Assert.Contains(
            "Messages and agreements\n\n- A message from Ana is waiting for you: https://portal.example/pairings/3#messages\n\n"
            + "Meeting reminders\n\n- Time to arrange your next mentoring meeting: https://portal.example/pairings/3\n\n",
            email.Text, StringComparison.Ordinal);
        Assert.Contains("<h2>Messages and agreements</h2>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<li>A message from Ana is waiting for you: <a href=\"https://portal.example/pairings/3#messages\">", email.Html, StringComparison.Ordinal);
    }

    private static RenderedEmail Render<TTemplate>(string name, IEmailModel<TTemplate> model)
        where TTemplate : Microsoft.AspNetCore.Components.IComponent =>
        Renderer().Render(name, model);

    private static EmailRenderer Renderer() =>
        new(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance, Portal());

    private static IOptions<PortalOptions> Portal() => Options.Create(new PortalOptions { BaseUrl = BaseUrl });
}
