using System.Net;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// Mentors asked, not told: the scheme's match is a proposal the mentor accepts or declines within the
/// programme's answer time, holding one of their places meanwhile; a decline or a lapse returns the
/// applicant to the queue with that mentor excluded.
/// </summary>
public sealed class MentorProposalsTests(ClockedPortal factory) : IClassFixture<ClockedPortal>
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Match_MakesAProposal_HoldsAPlace_AndTellsBothWithoutNamingTheMentorToTheApplicant()
    {
        var (programme, mentor, applicant, applicationId, admin) = await ApplicantAsync(capacity: 1);

        await ProposeAsync(admin, applicationId, mentor);

        var state = await factory.Data.QueryAsync(async db => new
        {
            Application = await db.MenteeApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId),
            Proposal = await db.MentorProposals.AsNoTracking().SingleAsync(p => p.ApplicationId == applicationId),
            Pairings = await db.Pairings.CountAsync(p => p.MenteeId == applicant.Id),
            Used = await db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.ActiveMenteeCount).SingleAsync(),
            Audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.MentorProposed && a.ProgrammeId == programme.Id),
        });
        Assert.Equal(ApplicationStatus.Proposed, state.Application.Status);
        Assert.Equal(ProposalStatus.Waiting, state.Proposal.Status);
        Assert.Equal(state.Proposal.ProposedAt.AddDays(Programme.DefaultProposalAnswerDays), state.Proposal.AnswerBy);
        Assert.Equal(0, state.Pairings);
        Assert.Equal(1, state.Used);
        Assert.Equal($"{applicant.Name} → {mentor.Name}", state.Audit.Subject);
        Assert.StartsWith("Score ", state.Audit.After, StringComparison.Ordinal);

        var toMentor = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject.StartsWith("Could you mentor", StringComparison.Ordinal), MailWait);
        Assert.Contains(applicant.Name, toMentor.Subject, StringComparison.Ordinal);
        Assert.Contains("Please accept or decline by", toMentor.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.DefaultGoal, toMentor.TextBody, StringComparison.Ordinal);
        Assert.Contains("/mentor/requests", toMentor.LinkContaining("/mentor/requests"), StringComparison.Ordinal);
        var toApplicant = await factory.Mailbox.WaitForAsync(m => m.IsTo(applicant.Email) && m.Subject.StartsWith("We have found a mentor", StringComparison.Ordinal),
            MailWait);
        Assert.DoesNotContain(mentor.Name, toApplicant.TextBody, StringComparison.Ordinal);

        using var applicantClient = await factory.Data.SignInAsync(applicant);
        var me = await applicantClient.GetStringAsync("/me");
        Assert.Contains("Your match is waiting for their answer", me, StringComparison.Ordinal);
        Assert.DoesNotContain(mentor.Name, me, StringComparison.Ordinal);
        Assert.Contains("The scheme has found a mentor for you and is waiting for their answer", me, StringComparison.Ordinal);
        Assert.DoesNotContain("You do not have a mentor yet", me, StringComparison.Ordinal);

        // The held place shows: the mentor is full in the directory while the proposal waits.
        using var mentorClient = await factory.Data.SignInAsync(mentor);
        var requests = await mentorClient.GetStringAsync("/mentor/requests");
        Assert.Contains("Proposed by the scheme", requests, StringComparison.Ordinal);
        Assert.Contains(TestData.DefaultGoal, requests, StringComparison.Ordinal);
        Assert.Contains(TestData.Statement, requests, StringComparison.Ordinal);
        Assert.Contains("(UK time)", requests, StringComparison.Ordinal);
        Assert.Contains("1 place is kept", requests, StringComparison.Ordinal);
        var meMentor = await mentorClient.GetStringAsync("/me");
        Assert.Contains("1 applicant proposed by the scheme is waiting for your answer", meMentor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_StartsThePairing_EmailsBothTheFirstMeetingStep_AndAudits()
    {
        var (programme, mentor, applicant, applicationId, admin) = await ApplicantAsync();
        var proposalId = await ProposeAsync(admin, applicationId, mentor);
        using var client = await factory.Data.SignInAsync(mentor);

        using var response = await Forms.SubmitAsync(client, "/mentor/requests", formAction: $"/mentor/requests/proposals/{proposalId}/accept");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var state = await factory.Data.QueryAsync(async db => new
        {
            Application = await db.MenteeApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId),
            Proposal = await db.MentorProposals.AsNoTracking().SingleAsync(p => p.Id == proposalId),
            Pairing = await db.Pairings.AsNoTracking().SingleAsync(p => p.MenteeId == applicant.Id && p.Status == PairingStatus.Active),
            Used = await db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.ActiveMenteeCount).SingleAsync(),
            Audits = await db.AuditEntries.CountAsync(a => a.Action == AuditActions.ProposalAccepted && a.ProgrammeId == programme.Id),
        });
        Assert.Equal(ApplicationStatus.Matched, state.Application.Status);
        Assert.Equal(state.Pairing.Id, state.Application.PairingId);
        Assert.Equal(ProposalStatus.Accepted, state.Proposal.Status);
        Assert.Equal(mentor.Id, state.Pairing.MentorId);
        Assert.Equal(1, state.Used);
        Assert.Equal(1, state.Audits);

        var toMentee = await factory.Mailbox.WaitForAsync(m => m.IsTo(applicant.Email) && m.Subject.Contains("will be your mentor", StringComparison.Ordinal), MailWait);
        Assert.Contains(mentor.Name, toMentee.Subject, StringComparison.Ordinal);
        Assert.Contains("arrange your first meeting", toMentee.TextBody, StringComparison.Ordinal);
        Assert.EndsWith($"/pairings/{state.Pairing.Id}", toMentee.LinkContaining("/pairings/"), StringComparison.Ordinal);
        var toMentor = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject.StartsWith("You have a new mentee", StringComparison.Ordinal), MailWait);
        Assert.Contains("arrange your first meeting", toMentor.TextBody, StringComparison.Ordinal);

        using var applicantClient = await factory.Data.SignInAsync(applicant);
        Assert.Contains($"href=\"/pairings/{state.Pairing.Id}\">{mentor.Name}</a>", await applicantClient.GetStringAsync("/me"), StringComparison.Ordinal);

        using var again = await PostWithTokenAsync(client, $"/mentor/requests/proposals/{proposalId}/accept");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.Pairings.CountAsync(p => p.MenteeId == applicant.Id)));
    }

    [Fact]
    public async Task Decline_WithReason_ReturnsToTheQueue_ExcludesTheMentor_TellsTheAdministratorAndTheApplicantKindly()
    {
        const string note = "I am moving trust next month.";
        var (programme, mentor, applicant, applicationId, admin) = await ApplicantAsync();
        var other = await factory.Data.MentorAsync(programme, name: Unique.Name("Dr Second Choice"));
        var proposalId = await ProposeAsync(admin, applicationId, mentor);
        using var client = await factory.Data.SignInAsync(mentor);

        using var response = await Forms.SubmitAsync(client, $"/mentor/requests/proposals/{proposalId}/decline", new Dictionary<string, string>
        {
            ["Reason"] = nameof(DeclineReason.Other),
            ["Note"] = note,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var state = await factory.Data.QueryAsync(async db => new
        {
            Application = await db.MenteeApplications.AsNoTracking().SingleAsync(a => a.Id == applicationId),
            Proposal = await db.MentorProposals.AsNoTracking().SingleAsync(p => p.Id == proposalId),
            Used = await db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.ActiveMenteeCount).SingleAsync(),
            Audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditActions.ProposalDeclined && a.ProgrammeId == programme.Id),
        });
        Assert.Equal(ApplicationStatus.Waiting, state.Application.Status);
        Assert.Equal(ProposalStatus.Declined, state.Proposal.Status);
        Assert.Equal(note, state.Proposal.DeclineNote);
        Assert.Equal(0, state.Used);
        Assert.Contains(note, state.Audit.After, StringComparison.Ordinal);

        var toApplicant = await factory.Mailbox.WaitForAsync(m => m.IsTo(applicant.Email) && m.Subject.StartsWith("We are finding you another mentor", StringComparison.Ordinal),
            MailWait);
        Assert.DoesNotContain(note, toApplicant.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(mentor.Name, toApplicant.TextBody, StringComparison.Ordinal);
        Assert.Contains("says nothing about you", toApplicant.TextBody, StringComparison.Ordinal);
        var toAdmin = await factory.Mailbox.WaitForAsync(m => m.IsTo(admin.Email) && m.Subject.Contains("back in the matching queue", StringComparison.Ordinal), MailWait);
        Assert.Contains($"{mentor.Name} has declined", toAdmin.TextBody, StringComparison.Ordinal);

        // The mentor is no longer suggested, and cannot be proposed again; another mentor can.
        using var adminClient = await factory.Data.SignInAsync(admin);
        var application = await adminClient.GetStringAsync($"/admin/applications/{applicationId}");
        Assert.DoesNotContain($"/match/{mentor.Id}\"", application, StringComparison.Ordinal);
        Assert.Contains($"/match/{other.Id}\"", application, StringComparison.Ordinal);
        Assert.Contains("Mentors asked", application, StringComparison.Ordinal);
        Assert.Contains(note, application, StringComparison.Ordinal);
        using var refusedContent = new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = await TokenAsync(adminClient, "/admin") });
        using var refused = await adminClient.PostAsync($"/admin/applications/{applicationId}/match/{mentor.Id}", refusedContent);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("declined or did not answer in time", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.MentorProposals.CountAsync(p => p.ApplicationId == applicationId)));
        await ProposeAsync(admin, applicationId, other);
    }

    [Fact]
    public async Task Decline_WithoutReason_ShowsTheErrorBesideTheField_AndChangesNothing()
    {
        var (_, mentor, _, applicationId, admin) = await ApplicantAsync();
        var proposalId = await ProposeAsync(admin, applicationId, mentor);
        using var client = await factory.Data.SignInAsync(mentor);

        using var none = await Forms.SubmitAsync(client, $"/mentor/requests/proposals/{proposalId}/decline", new Dictionary<string, string>());
        var page = await Forms.ParseHtmlAsync(none);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal("Error: Choose a reason.", page.QuerySelector("#Reason-error")?.TextContent);
        Assert.NotNull(page.QuerySelector(".error-summary, [role=alert]"));

        using var other = await Forms.SubmitAsync(client, $"/mentor/requests/proposals/{proposalId}/decline", new Dictionary<string, string>
        {
            ["Reason"] = nameof(DeclineReason.Other),
        });
        Assert.NotNull((await Forms.ParseHtmlAsync(other)).QuerySelector("#Note-error"));

        var state = await factory.Data.QueryAsync(db => db.MentorProposals.Where(p => p.Id == proposalId).Select(p => p.Status).SingleAsync());
        Assert.Equal(ProposalStatus.Waiting, state);
    }

    [Fact]
    public async Task Expiry_AfterTheAnswerDays_ReturnsToTheQueueOnce_AndTellsTheAdministrator()
    {
        var (programme, mentor, applicant, applicationId, admin) = await ApplicantAsync(answerDays: 3);
        var proposalId = await ProposeAsync(admin, applicationId, mentor);

        factory.Clock!.Advance(TimeSpan.FromDays(3).Subtract(TimeSpan.FromMinutes(1)));
        await ExpireAsync();
        Assert.Equal(ProposalStatus.Waiting, await StatusAsync(proposalId));

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await ExpireAsync() >= 1);
        Assert.Equal(0, await ExpireAsync());

        Assert.Equal(ProposalStatus.Expired, await StatusAsync(proposalId));
        var state = await factory.Data.QueryAsync(async db => new
        {
            Application = await db.MenteeApplications.Where(a => a.Id == applicationId).Select(a => a.Status).SingleAsync(),
            Used = await db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.ActiveMenteeCount).SingleAsync(),
            Audits = await db.AuditEntries.CountAsync(a => a.Action == AuditActions.ProposalLapsed && a.ProgrammeId == programme.Id),
        });
        Assert.Equal(ApplicationStatus.Waiting, state.Application);
        Assert.Equal(0, state.Used);
        Assert.Equal(1, state.Audits);
        await factory.Mailbox.WaitForAsync(m => m.IsTo(admin.Email) && m.Subject.Contains("back in the matching queue", StringComparison.Ordinal)
            && (m.TextBody ?? string.Empty).Contains("did not answer", StringComparison.Ordinal), MailWait);
        await factory.Mailbox.WaitForAsync(m => m.IsTo(applicant.Email) && m.Subject.StartsWith("We are finding you another mentor", StringComparison.Ordinal), MailWait);
        Assert.Single(factory.Mailbox.MessagesTo(admin.Email), m => m.Subject.Contains("back in the matching queue", StringComparison.Ordinal));

        using var client = await factory.Data.SignInAsync(mentor);
        Assert.DoesNotContain($"proposals/{proposalId}", await client.GetStringAsync("/mentor/requests"), StringComparison.Ordinal);
        using var late = await PostWithTokenAsync(client, $"/mentor/requests/proposals/{proposalId}/accept");
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }

    [Fact]
    public async Task ProposalAndDirectoryAcceptance_RacingForTheLastPlace_OnlyOneWins()
    {
        var (_, mentor, _, applicationId, admin) = await ApplicantAsync(capacity: 1);
        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var shared = await factory.Data.SharedProgrammeAsync();
            var loaded = await db.Mentors.Include(m => m.Programmes).SingleAsync(m => m.Id == mentor.Id);
            loaded.JoinProgramme(await db.Programmes.SingleAsync(p => p.Id == shared.Id), DateOnly.FromDateTime(DateTime.UtcNow));
            await db.SaveChangesAsync();
        });
        var trainee = await factory.Data.MenteeAsync();
        var requestId = await factory.Data.RequestAsync(trainee, mentor);
        var matchUrl = $"/admin/applications/{applicationId}/match/{mentor.Id}";
        var racers = new List<Racer>
        {
            new(await factory.Data.SignInAsync(admin), matchUrl, matchUrl),
            new(await factory.Data.SignInAsync(mentor), "/mentor/requests", $"/mentor/requests/{requestId}/accept"),
        };

        await Races.RunAsync(racers);

        var state = await factory.Data.QueryAsync(async db => new
        {
            Proposals = await db.MentorProposals.CountAsync(p => p.MentorId == mentor.Id && p.Status == ProposalStatus.Waiting),
            Pairings = await db.Pairings.CountAsync(p => p.MentorId == mentor.Id && p.Status == PairingStatus.Active),
            Used = await db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.ActiveMenteeCount).SingleAsync(),
        });
        Assert.Equal(1, state.Proposals + state.Pairings);
        Assert.Equal(1, state.Used);
        racers.ForEach(r => r.Client.Dispose());
    }

    [Fact]
    public async Task AnotherMentor_GetsNotFound_AndNothingChanges()
    {
        var (programme, mentor, _, applicationId, admin) = await ApplicantAsync();
        var stranger = await factory.Data.MentorAsync(programme);
        var proposalId = await ProposeAsync(admin, applicationId, mentor);
        using var client = await factory.Data.SignInAsync(stranger);

        using var page = await client.GetAsync($"/mentor/requests/proposals/{proposalId}/decline");
        var token = await TokenAsync(client, "/me");
        using var acceptContent = new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = token });
        using var accept = await client.PostAsync($"/mentor/requests/proposals/{proposalId}/accept", acceptContent);
        using var declineContent = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [Forms.AntiforgeryField] = token,
            ["Reason"] = nameof(DeclineReason.NoPlaceNow),
        });
        using var decline = await client.PostAsync($"/mentor/requests/proposals/{proposalId}/decline", declineContent);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, decline.StatusCode);
        Assert.DoesNotContain($"proposals/{proposalId}", await client.GetStringAsync("/mentor/requests"), StringComparison.Ordinal);
        Assert.Equal(ProposalStatus.Waiting, await StatusAsync(proposalId));
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("decline")]
    public async Task Post_WithoutAntiforgeryToken_Is400(string action)
    {
        var (_, mentor, _, applicationId, admin) = await ApplicantAsync();
        var proposalId = await ProposeAsync(admin, applicationId, mentor);
        using var client = await factory.Data.SignInAsync(mentor);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Reason"] = nameof(DeclineReason.NoPlaceNow) });

        using var response = await client.PostAsync($"/mentor/requests/proposals/{proposalId}/{action}", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ProposalStatus.Waiting, await StatusAsync(proposalId));
    }

    [Fact]
    public async Task Administrator_SeesProposalsWaiting_OnTheHomeAndTheQueue_OnlyInTheirProgrammes()
    {
        var (programme, mentor, applicant, applicationId, admin) = await ApplicantAsync();
        await ProposeAsync(admin, applicationId, mentor);
        var otherProgramme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        var otherAdmin = await factory.Data.AdministratorAsync(otherProgramme);
        using var client = await factory.Data.SignInAsync(admin);

        foreach (var url in new[] { "/admin", "/admin/applications", $"/admin/applications?status={nameof(ApplicationStatus.Proposed)}" })
        {
            var html = await client.GetStringAsync(url);
            Assert.Contains("Proposals waiting for a mentor", html, StringComparison.Ordinal);
            Assert.Contains(applicant.Name, html, StringComparison.Ordinal);
            Assert.Contains(mentor.Name, html, StringComparison.Ordinal);
            Assert.Contains("(UK time)", html, StringComparison.Ordinal);
        }

        using var otherClient = await factory.Data.SignInAsync(otherAdmin);
        Assert.DoesNotContain(applicant.Name, await otherClient.GetStringAsync("/admin/applications"), StringComparison.Ordinal);
        Assert.Equal(programme.Id, await factory.Data.QueryAsync(db => db.MentorProposals.Where(p => p.ApplicationId == applicationId)
            .Select(p => p.ProgrammeId).SingleAsync()));
    }

    [Fact]
    public async Task Applicant_WithdrawsWhileProposed_FreesTheMentorsPlace()
    {
        var (_, mentor, applicant, applicationId, admin) = await ApplicantAsync(capacity: 1);
        var proposalId = await ProposeAsync(admin, applicationId, mentor);
        using var client = await factory.Data.SignInAsync(applicant);

        using var response = await Forms.SubmitAsync(client, $"/me/applications/{applicationId}/withdraw");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ProposalStatus.Withdrawn, await StatusAsync(proposalId));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Mentors.Where(m => m.Id == mentor.Id).Select(m => m.ActiveMenteeCount).SingleAsync()));
    }

    [Theory]
    [InlineData("0", "between 1 and 30")]
    [InlineData("31", "between 1 and 30")]
    [InlineData("", "Enter how many days a mentor has to answer a proposal.")]
    [InlineData("a week", "whole number from 1 to 30")]
    public async Task ProgrammeEdit_AnswerDaysOutOfRange_ErrorBesideTheField_AndNothingSaved(string days, string message)
    {
        var programme = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches);
        using var client = await factory.Data.SignInAsync(await factory.Data.AdministratorAsync(programme));

        using var response = await Forms.SubmitAsync(client, $"/admin/programmes/{programme.Id}/edit",
            new Dictionary<string, string> { ["ProposalAnswerDays"] = days });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains(message, page.QuerySelector("#ProposalAnswerDays-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#ProposalAnswerDays")?.GetAttribute("aria-invalid"));
        Assert.Equal(Programme.DefaultProposalAnswerDays, await factory.Data.QueryAsync(db =>
            db.Programmes.Where(p => p.Id == programme.Id).Select(p => p.ProposalAnswerDays).SingleAsync()));
    }

    [Fact]
    public async Task ProgrammeEdit_AnswerDays_SavedAndAudited_AndUsedForTheNextProposal()
    {
        var (programme, mentor, _, applicationId, admin) = await ApplicantAsync();
        using var client = await factory.Data.SignInAsync(admin);
        var form = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/programmes/{programme.Id}/edit"));
        Assert.Equal("7", form.QuerySelector("#ProposalAnswerDays")?.GetAttribute("value"));

        using var response = await Forms.SubmitAsync(client, $"/admin/programmes/{programme.Id}/edit",
            new Dictionary<string, string> { ["ProposalAnswerDays"] = "14" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var edited = Assert.Single(await factory.Data.AuditAsync(AuditActions.ProgrammeEdited, programme.Name));
        Assert.Contains("within 14 days", edited.After, StringComparison.Ordinal);
        var proposalId = await ProposeAsync(admin, applicationId, mentor);
        var proposal = await factory.Data.QueryAsync(db => db.MentorProposals.AsNoTracking().SingleAsync(p => p.Id == proposalId));
        Assert.Equal(proposal.ProposedAt.AddDays(14), proposal.AnswerBy);
    }

    private async Task<(TestProgramme Programme, Person Mentor, Person Applicant, int ApplicationId, Person Admin)> ApplicantAsync(int capacity = 2,
        int? answerDays = null)
    {
        var programme = await factory.Data.ProgrammeAsync("Future Leaders", MatchingMode.SchemeMatches);
        if (answerDays is { } days)
        {
            await factory.InScopeAsync(async services =>
            {
                var db = services.GetRequiredService<PortalDbContext>();
                (await db.Programmes.SingleAsync(p => p.Id == programme.Id)).SetProposalAnswerDays(days);
                await db.SaveChangesAsync();
            });
        }

        var mentor = await factory.Data.MentorAsync(programme, capacity: capacity);
        var applicant = await factory.Data.MenteeAsync();
        var applicationId = await factory.Data.ApplyAsync(applicant, programme);
        return (programme, mentor, applicant, applicationId, await factory.Data.AdministratorAsync(programme));
    }

    /// <summary>The administrator confirms the match over HTTP, as on the match page; returns the proposal's id.</summary>
    private async Task<int> ProposeAsync(Person admin, int applicationId, Person mentor)
    {
        using var client = await factory.Data.SignInAsync(admin);
        using var response = await Forms.SubmitAsync(client, $"/admin/applications/{applicationId}/match/{mentor.Id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await factory.Data.QueryAsync(db => db.MentorProposals
            .Where(p => p.ApplicationId == applicationId && p.MentorId == mentor.Id && p.Status == ProposalStatus.Waiting)
            .Select(p => p.Id).SingleAsync());
    }

    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string url)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { [Forms.AntiforgeryField] = await TokenAsync(client, "/me") });
        return await client.PostAsync(url, content);
    }

    private static async Task<string> TokenAsync(HttpClient client, string pageUrl)
    {
        using var page = await client.GetAsync(pageUrl);
        var document = await Forms.ParseHtmlAsync(page);
        return document.QuerySelector($"input[name={Forms.AntiforgeryField}]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No form token on {pageUrl}.");
    }

    private Task<int> ExpireAsync() => factory.InScopeAsync(s => s.GetRequiredService<ProposalExpiry>().ExpireDueAsync(CancellationToken.None));

    private Task<ProposalStatus> StatusAsync(int proposalId) =>
        factory.Data.QueryAsync(db => db.MentorProposals.Where(p => p.Id == proposalId).Select(p => p.Status).SingleAsync());
}
