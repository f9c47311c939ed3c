using System.Net;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Email;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The app with a clock the survey tests move: evaluation points and reminders are months and weeks away.</summary>
public sealed class SurveyPortal() : PortalFactory(new PortalFactoryOptions { Clock = new TestClock() });

/// <summary>A pairing of its own for a survey test: its programme, its two members, and the mentee's rated goal.</summary>
public sealed record SurveyPairing(TestProgramme Programme, Person Mentee, Person Mentor, int PairingId, int GoalId);

/// <summary>
/// Journey 7 for members over HTTP, on PostgreSQL and SMTP: invitations at the evaluation point, one
/// reminder, saving and sending once, goal ratings, exit surveys, and nobody else's answers.
/// </summary>
public sealed class SurveyTests(SurveyPortal portal) : IClassFixture<SurveyPortal>
{
    private TestClock Clock => portal.Clock!;

    private const string RatedGoal = "Take on the rota lead role.";

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>A new programme (evaluation point 6 months), a mentor, a mentee with a goal rated 2 at the start, paired from <paramref name="startedAt"/>.</summary>
    private static async Task<SurveyPairing> PairingAsync(PortalFactory factory, DateTime startedAt)
    {
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        var pairingId = await factory.Data.PairAsync(mentee, mentor, startedAt);
        var goalId = await factory.Data.GoalAsync(mentee, RatedGoal, startRating: 2, at: startedAt);
        return new SurveyPairing(programme, mentee, mentor, pairingId, goalId);
    }

    private static Dictionary<string, string> CompleteEvaluation(string intent = "send") => new()
    {
        ["Knowledge"] = "4",
        ["Performance"] = "3",
        ["ProblemSolving"] = "5",
        ["Confidence"] = "4",
        ["Leadership"] = "2",
        ["Network"] = "3",
        ["Satisfaction"] = "5",
        ["WouldRecommend"] = nameof(Recommendation.Yes),
        ["WhatWorked"] = "Regular, honest conversations.",
        ["Intent"] = intent,
    };

    private static Dictionary<string, string> WithGoals(Dictionary<string, string> fields, SurveyPairing pairing, string rating = "4")
    {
        fields[$"GoalRatings[{pairing.GoalId}]"] = rating;
        return fields;
    }

    /// <summary>Every open goal of the mentee (the profile's short-term goal too) rated, as the form requires on send.</summary>
    private static async Task<Dictionary<string, string>> MenteeAnswersAsync(HttpClient client, SurveyPairing pairing, string intent = "send")
    {
        var fields = WithGoals(CompleteEvaluation(intent), pairing);
        using var page = await client.GetAsync($"/pairings/{pairing.PairingId}/evaluation");
        var document = await Forms.ParseHtmlAsync(page);
        foreach (var name in document.QuerySelectorAll("input[type=radio][name^='GoalRatings[']").Select(i => i.GetAttribute("name")!).Distinct())
        {
            fields.TryAdd(name, "3");
        }

        return fields;
    }

    /// <summary>Brings the pairing to its evaluation point and runs the job: both are invited.</summary>
    private async Task<SurveyPairing> InvitedPairingAsync()
    {
        var pairing = await PairingAsync(portal, Now);
        Clock.Set(new DateTimeOffset(Now.AddMonths(6).AddHours(1)));
        await portal.Data.RunSurveyJobAsync();
        return pairing;
    }

    [Fact]
    public async Task EvaluationInvitation_IsSentOnce_AtTheProgrammesEvaluationPoint()
    {
        var start = Now;
        var pairing = await PairingAsync(portal, start);

        await portal.Data.RunSurveyJobAsync();
        Clock.Set(new DateTimeOffset(start.AddMonths(6).AddMinutes(-5)));
        await portal.Data.RunSurveyJobAsync();
        Assert.Empty(await portal.Data.SurveysAsync(pairing.PairingId));
        Assert.Equal(0, await portal.Data.OutboxCountAsync(pairing.Mentee.Email, PortalEmails.EvaluationInvitationSubject));

        Clock.Set(new DateTimeOffset(start.AddMonths(6).AddMinutes(5)));
        await portal.Data.RunSurveyJobAsync();
        Clock.Advance(TimeSpan.FromDays(1));
        await portal.Data.RunSurveyJobAsync();
        await portal.Data.RunSurveyJobAsync();

        var surveys = await portal.Data.SurveysAsync(pairing.PairingId);
        Assert.Equal([SurveyRespondent.Mentee, SurveyRespondent.Mentor], surveys.Select(s => s.Respondent));
        Assert.All(surveys, s => Assert.Equal(SurveyKind.Evaluation, s.Kind));
        Assert.All(surveys, s => Assert.Equal(start.AddMonths(6).AddMinutes(5), s.InvitationSentAt!.Value, TimeSpan.FromMilliseconds(1)));
        Assert.Equal(1, await portal.Data.OutboxCountAsync(pairing.Mentee.Email, PortalEmails.EvaluationInvitationSubject));
        Assert.Equal(1, await portal.Data.OutboxCountAsync(pairing.Mentor.Email, PortalEmails.EvaluationInvitationSubject));

        var menteeEmail = await portal.Mailbox.WaitForAsync(m => m.IsTo(pairing.Mentee.Email) && m.Subject == PortalEmails.EvaluationInvitationSubject);
        Assert.Contains($"/pairings/{pairing.PairingId}/evaluation", menteeEmail.LinkContaining("/evaluation"), StringComparison.Ordinal);
        Assert.Contains("five minutes", menteeEmail.TextBody, StringComparison.Ordinal);
        Assert.Contains("without your name", menteeEmail.TextBody, StringComparison.Ordinal);
        Assert.Contains(pairing.Mentor.Name, menteeEmail.TextBody, StringComparison.Ordinal);
        var mentorEmail = await portal.Mailbox.WaitForAsync(m => m.IsTo(pairing.Mentor.Email) && m.Subject == PortalEmails.EvaluationInvitationSubject);
        Assert.Contains($"Thank you for mentoring {pairing.Mentee.Name}", mentorEmail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminder_IsSentOnceAfterFourteenDays_AndNeverAfterAnAnswer()
    {
        var pairing = await InvitedPairingAsync();
        using (var mentor = await portal.Data.SignInAsync(pairing.Mentor))
        using (var sent = await Forms.SubmitAsync(mentor, $"/pairings/{pairing.PairingId}/evaluation", CompleteEvaluation()))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        Clock.Advance(TimeSpan.FromDays(13));
        await portal.Data.RunSurveyJobAsync();
        Assert.Equal(0, await portal.Data.OutboxCountAsync(pairing.Mentee.Email, PortalEmails.EvaluationReminderSubject));

        Clock.Advance(TimeSpan.FromDays(1));
        await portal.Data.RunSurveyJobAsync();
        await portal.Data.RunSurveyJobAsync();
        Clock.Advance(TimeSpan.FromDays(30));
        await portal.Data.RunSurveyJobAsync();

        Assert.Equal(1, await portal.Data.OutboxCountAsync(pairing.Mentee.Email, PortalEmails.EvaluationReminderSubject));
        Assert.Equal(0, await portal.Data.OutboxCountAsync(pairing.Mentor.Email, PortalEmails.EvaluationReminderSubject));
        var reminder = await portal.Mailbox.WaitForAsync(m => m.IsTo(pairing.Mentee.Email) && m.Subject == PortalEmails.EvaluationReminderSubject);
        Assert.Contains($"/pairings/{pairing.PairingId}/evaluation", reminder.LinkContaining("/evaluation"), StringComparison.Ordinal);
        Assert.Contains("only reminder", reminder.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RecordsTheAnswersAndTheGoalRatings_Once()
    {
        var pairing = await InvitedPairingAsync();
        using var mentee = await portal.Data.SignInAsync(pairing.Mentee);
        var answers = await MenteeAnswersAsync(mentee, pairing);
        var url = $"/pairings/{pairing.PairingId}/evaluation";

        // A double click: two posts of the same form at the same moment.
        var results = await Races.RunAsync([new Racer(mentee, url, url, answers), new Racer(mentee, url, url, answers)]);
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        var survey = await portal.Data.SurveyAsync(pairing.PairingId, SurveyKind.Evaluation, SurveyRespondent.Mentee);
        Assert.True(survey.IsSubmitted);
        Assert.Equal(4, survey.Knowledge);
        Assert.Equal(5, survey.Satisfaction);
        Assert.Equal(Recommendation.Yes, survey.WouldRecommend);
        Assert.Equal("Regular, honest conversations.", survey.WhatWorked);
        Assert.Equal([2, 4], await portal.Data.GoalRatingsAsync(pairing.GoalId));
        var progress = Assert.Single(survey.GoalProgress, g => g.Horizon == Domain.Mentees.GoalHorizon.MediumTerm);
        Assert.Equal(2, progress.StartRating);
        Assert.Equal(4, progress.ReviewRating);

        // Sending again later (the back button, a second tab) changes nothing and says so.
        var again = CompleteEvaluation();
        again["Knowledge"] = "1";
        again[$"GoalRatings[{pairing.GoalId}]"] = "5";
        using (var content = new FormUrlEncodedContent(again.Append(new(Forms.AntiforgeryField, await TokenAsync(mentee, "/me")))))
        using (var second = await mentee.PostAsync(url, content))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        using var page = await mentee.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("You have already sent this survey, so nothing has been changed.", html, StringComparison.Ordinal);
        Assert.Contains("Thank you for your evaluation", html, StringComparison.Ordinal);
        Assert.Contains("4 out of 5", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" action=\"/pairings", html, StringComparison.Ordinal);
        var after = await portal.Data.SurveyAsync(pairing.PairingId, SurveyKind.Evaluation, SurveyRespondent.Mentee);
        Assert.Equal(4, after.Knowledge);
        Assert.Equal(survey.SubmittedAt, after.SubmittedAt);
        Assert.Equal(survey.Version, after.Version);
        Assert.Equal([2, 4], await portal.Data.GoalRatingsAsync(pairing.GoalId));
    }

    [Fact]
    public async Task Save_KeepsPartialAnswers_ForLater()
    {
        var pairing = await InvitedPairingAsync();
        using var mentor = await portal.Data.SignInAsync(pairing.Mentor);
        var url = $"/pairings/{pairing.PairingId}/evaluation";

        using (var saved = await Forms.SubmitAsync(mentor, url, new Dictionary<string, string>
        {
            ["Confidence"] = "4",
            ["WhatCouldBeBetter"] = "More time between clinics.",
            ["Intent"] = "save",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var survey = await portal.Data.SurveyAsync(pairing.PairingId, SurveyKind.Evaluation, SurveyRespondent.Mentor);
        Assert.False(survey.IsSubmitted);
        Assert.NotNull(survey.SavedAt);
        Assert.Equal(4, survey.Confidence);
        Assert.Null(survey.Knowledge);

        using var page = await mentor.GetAsync(url);
        var document = await Forms.ParseHtmlAsync(page);
        Assert.NotNull(document.QuerySelector("input[name=Confidence][value='4'][checked]"));
        Assert.Equal("More time between clinics.", document.QuerySelector("textarea[name=WhatCouldBeBetter]")?.TextContent.Trim());
        Assert.Contains("They have not been sent yet", document.Body!.TextContent, StringComparison.Ordinal);

        using var me = await mentor.GetAsync("/me");
        var meHtml = await me.Content.ReadAsStringAsync();
        Assert.Contains("Surveys waiting for you", meHtml, StringComparison.Ordinal);
        Assert.Contains("Saved, not sent yet", meHtml, StringComparison.Ordinal);
        Assert.Contains(url, meHtml, StringComparison.Ordinal);

        // Finishing later sends the saved answers with the rest.
        var rest = CompleteEvaluation();
        rest.Remove("Confidence");
        using (var sent = await Forms.SubmitAsync(mentor, url, rest))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var answered = await portal.Data.SurveyAsync(pairing.PairingId, SurveyKind.Evaluation, SurveyRespondent.Mentor);
        Assert.True(answered.IsSubmitted);
        Assert.Equal(4, answered.Confidence);
        Assert.Equal("More time between clinics.", answered.WhatCouldBeBetter);
        using var meAfter = await mentor.GetAsync("/me");
        Assert.DoesNotContain("Surveys waiting for you", await meAfter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_WithMissingAnswers_ShowsMessagesBesideTheFields_AndSavesNothing()
    {
        var pairing = await InvitedPairingAsync();
        using var mentee = await portal.Data.SignInAsync(pairing.Mentee);
        var fields = CompleteEvaluation();
        fields.Remove("Leadership");
        fields["Satisfaction"] = "9";
        fields.Remove("WouldRecommend");

        using var response = await Forms.SubmitAsync(mentee, $"/pairings/{pairing.PairingId}/evaluation", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Forms.ParseHtmlAsync(response);
        var summary = document.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Rate leadership skills from 1 to 5.", summary, StringComparison.Ordinal);
        Assert.Contains("Rate your overall satisfaction from 1 to 5.", summary, StringComparison.Ordinal);
        Assert.Contains("Say whether you would recommend the scheme.", summary, StringComparison.Ordinal);
        Assert.Contains("Rate where you are now with your goal", summary, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("#Leadership-error"));
        Assert.NotNull(document.QuerySelector($"#GoalRatings_{pairing.GoalId}_-error"));
        Assert.NotNull(document.QuerySelector($"a[href='#GoalRatings_{pairing.GoalId}_']"));
        Assert.NotNull(document.QuerySelector($"#GoalRatings_{pairing.GoalId}_"));
        Assert.NotNull(document.QuerySelector("input[name=Knowledge][value='4'][checked]"));

        var survey = await portal.Data.SurveyAsync(pairing.PairingId, SurveyKind.Evaluation, SurveyRespondent.Mentee);
        Assert.Null(survey.SavedAt);
        Assert.Null(survey.Knowledge);
        Assert.Equal([2], await portal.Data.GoalRatingsAsync(pairing.GoalId));
    }

    [Fact]
    public async Task SurveyPage_IsOnlyForTheInvitedMember_AndNeverShowsTheOtherMembersAnswers()
    {
        var pairing = await PairingAsync(portal, Now);
        var url = $"/pairings/{pairing.PairingId}/evaluation";
        using var mentee = await portal.Data.SignInAsync(pairing.Mentee);
        using (var notYet = await mentee.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        }

        Clock.Set(new DateTimeOffset(Now.AddMonths(6).AddHours(1)));
        await portal.Data.RunSurveyJobAsync();
        using var menteeNow = await portal.Data.SignInAsync(pairing.Mentee);
        var answers = await MenteeAnswersAsync(menteeNow, pairing);
        answers["WhatWorked"] = "A private remark about my mentor.";
        using (var sent = await Forms.SubmitAsync(menteeNow, url, answers))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        using var mentor = await portal.Data.SignInAsync(pairing.Mentor);
        using (var mentorPage = await mentor.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, mentorPage.StatusCode);
            var html = await mentorPage.Content.ReadAsStringAsync();
            Assert.DoesNotContain("A private remark about my mentor.", html, StringComparison.Ordinal);
            Assert.DoesNotContain(RatedGoal, html, StringComparison.Ordinal);
            Assert.Empty(Forms.ParseHtml(html).QuerySelectorAll("input[checked]"));
        }

        using (var pairingPage = await mentor.GetAsync($"/pairings/{pairing.PairingId}"))
        {
            var html = await pairingPage.Content.ReadAsStringAsync();
            Assert.Contains(url, html, StringComparison.Ordinal);
            Assert.DoesNotContain("A private remark about my mentor.", html, StringComparison.Ordinal);
        }

        var admin = await portal.Data.AdministratorAsync(pairing.Programme);
        using var adminClient = await portal.Data.SignInAsync(admin);
        var stranger = await portal.Data.MenteeAsync(pairing.Programme);
        using var strangerClient = await portal.Data.SignInAsync(stranger);
        foreach (var client in new[] { adminClient, strangerClient })
        {
            foreach (var path in new[] { url, $"/pairings/{pairing.PairingId}/exit-survey" })
            {
                using var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }

        using var post = new FormUrlEncodedContent(CompleteEvaluation().Append(new(Forms.AntiforgeryField, await TokenAsync(adminClient, "/me"))));
        using var adminPost = await adminClient.PostAsync(url, post);
        Assert.Equal(HttpStatusCode.NotFound, adminPost.StatusCode);
        var mentorSurvey = await portal.Data.SurveyAsync(pairing.PairingId, SurveyKind.Evaluation, SurveyRespondent.Mentor);
        Assert.Null(mentorSurvey.SavedAt);
    }

    [Fact]
    public async Task ExitSurvey_InvitesBothMembers_AfterThePairingEnds()
    {
        var pairing = await PairingAsync(portal, Now);
        var url = $"/pairings/{pairing.PairingId}/exit-survey";
        using (var mentee = await portal.Data.SignInAsync(pairing.Mentee))
        using (var whileActive = await mentee.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.NotFound, whileActive.StatusCode);
        }

        Clock.Advance(TimeSpan.FromDays(40));
        await portal.Data.EndAsync(pairing.PairingId, Now);
        await portal.Data.RunSurveyJobAsync();
        await portal.Data.RunSurveyJobAsync();

        Assert.Equal(1, await portal.Data.OutboxCountAsync(pairing.Mentee.Email, PortalEmails.ExitSurveyInvitationSubject));
        Assert.Equal(1, await portal.Data.OutboxCountAsync(pairing.Mentor.Email, PortalEmails.ExitSurveyInvitationSubject));
        var email = await portal.Mailbox.WaitForAsync(m => m.IsTo(pairing.Mentee.Email) && m.Subject == PortalEmails.ExitSurveyInvitationSubject);
        Assert.Contains(url, email.LinkContaining("/exit-survey"), StringComparison.Ordinal);

        using var client = await portal.Data.SignInAsync(pairing.Mentee);
        using (var other = await Forms.SubmitAsync(client, url, new Dictionary<string, string> { ["Reason"] = nameof(ExitReason.Other), ["Intent"] = "send" }))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            var document = await Forms.ParseHtmlAsync(other);
            Assert.Contains("You chose another reason: tell us a little about why it ended.", document.QuerySelector("#WhatWouldHaveHelped-error")?.TextContent,
                StringComparison.Ordinal);
        }

        using (var saved = await Forms.SubmitAsync(client, url, new Dictionary<string, string>
        {
            ["Reason"] = nameof(ExitReason.HardToFindTime),
            ["Intent"] = "save",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var sent = await Forms.SubmitAsync(client, url, new Dictionary<string, string>
        {
            ["WhatWouldHaveHelped"] = "Protected time for meetings.",
            ["Intent"] = "send",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var survey = await portal.Data.SurveyAsync(pairing.PairingId, SurveyKind.Exit, SurveyRespondent.Mentee);
        Assert.True(survey.IsSubmitted);
        Assert.Equal(ExitReason.HardToFindTime, survey.EndingReason);
        Assert.Equal("Protected time for meetings.", survey.WhatWouldHaveHelped);

        // An ended pairing is not evaluated, and exit surveys are never reminded.
        Clock.Advance(TimeSpan.FromDays(200));
        await portal.Data.RunSurveyJobAsync();
        Assert.DoesNotContain(await portal.Data.SurveysAsync(pairing.PairingId), s => s.Kind == SurveyKind.Evaluation);
        Assert.Equal(0, await portal.Data.OutboxCountAsync(pairing.Mentor.Email, PortalEmails.EvaluationReminderSubject));
    }

    [Fact]
    public async Task ExitSurvey_AfterAReassignment_InvitesTheMenteeAndTheOldMentor()
    {
        var pairing = await PairingAsync(portal, Now);
        var newMentor = await portal.Data.MentorAsync(pairing.Programme);
        Clock.Advance(TimeSpan.FromDays(10));

        var newPairingId = await portal.Data.ReassignAsync(pairing.PairingId, newMentor, Now);
        await portal.Data.RunSurveyJobAsync();

        Assert.Equal(1, await portal.Data.OutboxCountAsync(pairing.Mentee.Email, PortalEmails.ExitSurveyInvitationSubject));
        Assert.Equal(1, await portal.Data.OutboxCountAsync(pairing.Mentor.Email, PortalEmails.ExitSurveyInvitationSubject));
        Assert.Equal(0, await portal.Data.OutboxCountAsync(newMentor.Email, PortalEmails.ExitSurveyInvitationSubject));
        Assert.Empty(await portal.Data.SurveysAsync(newPairingId));

        using var oldMentor = await portal.Data.SignInAsync(pairing.Mentor);
        var url = $"/pairings/{pairing.PairingId}/exit-survey";
        using (var me = await oldMentor.GetAsync("/me"))
        {
            Assert.Contains(url, await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var sent = await Forms.SubmitAsync(oldMentor, url, new Dictionary<string, string>
        {
            ["Reason"] = nameof(ExitReason.NotWorkingWell),
            ["Intent"] = "send",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var survey = await portal.Data.SurveyAsync(pairing.PairingId, SurveyKind.Exit, SurveyRespondent.Mentor);
        Assert.Equal(ExitReason.NotWorkingWell, survey.EndingReason);
        using var newMentorClient = await portal.Data.SignInAsync(newMentor);
        using var notTheirs = await newMentorClient.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
    }

    private static async Task<string> TokenAsync(HttpClient client, string pageUrl)
    {
        using var page = await client.GetAsync(pageUrl);
        var document = await Forms.ParseHtmlAsync(page);
        return document.QuerySelector($"input[name={Forms.AntiforgeryField}]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No form token on {pageUrl}.");
    }
}
