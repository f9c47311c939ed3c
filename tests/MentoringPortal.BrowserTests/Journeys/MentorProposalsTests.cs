using MentoringPortal.BrowserTests.Infrastructure;
using MentoringPortal.Domain.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static MentoringPortal.BrowserTests.Journeys.Steps;
using static Microsoft.Playwright.Assertions;

namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>
/// Mentors asked, not told: the demo's two proposals waiting in the Future Leaders pilot
/// (<see cref="Demo.Mentee23"/> and <see cref="Demo.Mentee24"/>): one mentor accepts, the other declines
/// with a reason. Only this class uses those applicants and their proposed mentors.
/// </summary>
[Collection(BrowserSuite.Name)]
public sealed class MentorProposalsTests(BrowserPortal portal)
{
    [Fact]
    public async Task OneMentorAcceptsAProposal_AnotherDeclinesWithAReason()
    {
        var accepting = await ProposedMentorAsync(Demo.Mentee23.Email);
        var declining = await ProposedMentorAsync(Demo.Mentee24.Email);

        // The administrator sees both waiting, with their deadlines in UK time.
        var admin = await portal.NewSignedInPageAsync("admin@demo.test");
        await OpenAsync(admin, "/admin/applications", "Applications");
        var waiting = admin.GetByRole(AriaRole.Region, new() { Name = "Proposals waiting for a mentor's answer" });
        await Expect(waiting.GetByRole(AriaRole.Row).Filter(new() { HasText = Demo.Mentee23.Name })).ToContainTextAsync(accepting.Name);
        await Expect(waiting.GetByRole(AriaRole.Row).Filter(new() { HasText = Demo.Mentee24.Name })).ToContainTextAsync("(UK time)");
        portal.AssertNoPageErrors(admin);

        // The applicant is told the match waits for the mentor's answer, without the mentor's name.
        var applicant = await portal.NewSignedInPageAsync(Demo.Mentee23.Email);
        await OpenAsync(applicant, "/me", "My mentoring");
        await Expect(applicant.GetByText("Your match is waiting for their answer", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(applicant.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(accepting.Name);

        // The first mentor reads the applicant's goals and accepts: the pairing starts.
        var mentor = await portal.NewSignedInPageAsync(accepting.Email);
        await OpenAsync(mentor, "/mentor/requests", "Requests from trainees");
        var proposal = mentor.GetByRole(AriaRole.Region, new() { Name = Demo.Mentee23.Name });
        await Expect(proposal.GetByRole(AriaRole.Heading, new() { Name = "Their goals" })).ToBeVisibleAsync();
        await Expect(proposal).ToContainTextAsync("Lead my first departmental audit from start to finish.");
        await proposal.GetByRole(AriaRole.Button, new() { Name = $"Accept {Demo.Mentee23.Name}" }).ClickAsync();
        await ExpectSuccessAsync(mentor, "Proposal accepted: your pairing has started.");
        await OpenAsync(mentor, "/me", "My mentoring");
        await Expect(mentor.GetByRole(AriaRole.Heading, new() { Name = Demo.Mentee23.Name, Level = 3 })).ToBeVisibleAsync();
        portal.AssertNoPageErrors(mentor);
        await portal.Mailbox.WaitForAsync(m => m.IsTo(Demo.Mentee23.Email) && m.Subject.Contains("will be your mentor", StringComparison.Ordinal));

        // The second mentor declines: a reason is required, then the applicant returns to the queue.
        var other = await portal.NewSignedInPageAsync(declining.Email);
        await OpenAsync(other, "/mentor/requests", "Requests from trainees");
        await other.GetByRole(AriaRole.Region, new() { Name = Demo.Mentee24.Name })
            .GetByRole(AriaRole.Link, new() { Name = $"Decline {Demo.Mentee24.Name}" }).ClickAsync();
        await ArriveAtAsync(other, $"Decline the proposal to mentor {Demo.Mentee24.Name}");
        await other.GetByRole(AriaRole.Button, new() { Name = "Decline the proposal" }).ClickAsync();
        var reasons = other.GetByRole(AriaRole.Group, new() { Name = "Why are you declining?" });
        await ExpectFieldErrorAsync(other, reasons, "Choose a reason.", fieldIsGroup: true);
        await reasons.GetByRole(AriaRole.Radio, new() { Name = "I am not available for the next few months" }).CheckAsync();
        await other.GetByRole(AriaRole.Button, new() { Name = "Decline the proposal" }).ClickAsync();
        await ExpectSuccessAsync(other, "Proposal declined.");
        await Expect(other.GetByRole(AriaRole.Region, new() { Name = Demo.Mentee24.Name })).ToHaveCountAsync(0);
        portal.AssertNoPageErrors(other);

        await portal.Mailbox.WaitForAsync(m => m.IsTo(Demo.Mentee24.Email) && m.Subject.StartsWith("We are finding you another mentor", StringComparison.Ordinal));
        var status = await portal.Factory.Data.QueryAsync(db => db.MenteeApplications
            .Where(a => a.Mentee!.UserId == db.Users.Where(u => u.Email == Demo.Mentee24.Email).Select(u => u.Id).First())
            .Select(a => a.Status).SingleAsync());
        Assert.Equal(ApplicationStatus.Waiting, status);
    }

    private Task<DemoPerson> ProposedMentorAsync(string applicantEmail) => portal.Factory.Data.QueryAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == applicantEmail).Select(u => u.Id).SingleAsync();
        var mentor = await db.MentorProposals
            .Where(p => p.Status == ProposalStatus.Waiting && p.Application!.Mentee!.UserId == userId)
            .Select(p => new { p.Mentor!.UserId, p.Mentor.DisplayName })
            .SingleAsync();
        var email = await db.Users.Where(u => u.Id == mentor.UserId).Select(u => u.Email!).SingleAsync();
        return new DemoPerson(email, mentor.DisplayName);
    });
}
