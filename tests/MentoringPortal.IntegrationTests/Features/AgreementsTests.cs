using System.Net;
using MentoringPortal.Domain.Agreements;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>
/// The mentoring agreement over HTTP on PostgreSQL and SMTP: written by either member once the first
/// meeting is planned, agreed when both confirm, cleared by a change, emailed to the other member, and
/// nobody else's business (administrators and strangers get 404).
/// </summary>
public sealed class AgreementsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly Dictionary<string, string> Words = new()
    {
        ["Meetings"] = "Every six weeks, face to face in the postgraduate centre.",
        ["MenteeExpectations"] = "Honest feedback on my return to the rota.",
        ["MentorExpectations"] = "An agenda the day before.",
        ["Ending"] = "Either of us can end it by saying so, without blame.",
    };

    private async Task<(Person Mentor, Person Mentee, int PairingId)> PairedAsync(bool meetingPlanned = true)
    {
        var mentor = await factory.Data.MentorAsync();
        var mentee = await factory.Data.MenteeAsync();
        var pairingId = await factory.Data.PairAsync(mentee, mentor);
        if (meetingPlanned)
        {
            await factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddDays(5));
        }

        return (mentor, mentee, pairingId);
    }

    private Task<MentoringAgreement?> AgreementAsync(int pairingId) =>
        factory.Data.QueryAsync(db => db.MentoringAgreements.AsNoTracking().SingleOrDefaultAsync(a => a.PairingId == pairingId));

    private static async Task SaveAsync(HttpClient client, int pairingId, Dictionary<string, string>? words = null)
    {
        using var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/agreement/edit", words ?? Words);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/pairings/{pairingId}/agreement", response.Headers.Location!.OriginalString);
    }

    private static async Task ConfirmAsync(HttpClient client, int pairingId)
    {
        using var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/agreement", formAction: $"/pairings/{pairingId}/agreement/confirm");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Write_ThenBothConfirm_IsAgreed_AndTheOtherIsEmailedEachTime()
    {
        var (mentor, mentee, pairingId) = await PairedAsync();
        using var menteeClient = await factory.Data.SignInAsync(mentee);
        using var mentorClient = await factory.Data.SignInAsync(mentor);

        // The form starts with the scheme's confidentiality sentence.
        var form = await Forms.ParseHtmlAsync(await menteeClient.GetAsync($"/pairings/{pairingId}/agreement/edit"));
        Assert.Equal(MentoringAgreement.DefaultConfidentiality, form.QuerySelector("textarea#Confidentiality")!.TextContent);

        await SaveAsync(menteeClient, pairingId);
        var ready = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentor.Email) && m.Subject == PortalEmails.AgreementToConfirmSubject);
        Assert.Contains($"{mentee.Name} has written your mentoring agreement", ready.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Words["MenteeExpectations"], ready.TextBody, StringComparison.Ordinal);
        Assert.EndsWith($"/pairings/{pairingId}/agreement", ready.LinkContaining("/agreement"), StringComparison.Ordinal);

        var pairingPage = await menteeClient.GetStringAsync($"/pairings/{pairingId}");
        Assert.Contains($"Waiting for you and {mentor.Name} to confirm", pairingPage, StringComparison.Ordinal);
        Assert.Contains(Words["Meetings"], pairingPage, StringComparison.Ordinal);

        await ConfirmAsync(menteeClient, pairingId);
        Assert.Contains($"Waiting for {mentor.Name} to confirm", await menteeClient.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);
        Assert.Contains("Waiting for you to confirm", await mentorClient.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);

        await ConfirmAsync(mentorClient, pairingId);
        var agreement = await AgreementAsync(pairingId);
        Assert.NotNull(agreement);
        Assert.True(agreement.IsAgreed);
        var agreed = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == PortalEmails.AgreementAgreedSubject);
        Assert.Contains($"{mentor.Name} has agreed", agreed.TextBody, StringComparison.Ordinal);
        var today = Web.Features.Pairings.UkTime.ToUk(agreement.AgreedAt!.Value).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"Agreed on {today}", await menteeClient.GetStringAsync($"/pairings/{pairingId}"), StringComparison.Ordinal);
        Assert.Contains($"Agreed on {today}", await mentorClient.GetStringAsync($"/pairings/{pairingId}/agreement"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditAfterConfirmations_ClearsThem_AndAsksTheOtherAgain()
    {
        var (mentor, mentee, pairingId) = await PairedAsync();
        using var menteeClient = await factory.Data.SignInAsync(mentee);
        using var mentorClient = await factory.Data.SignInAsync(mentor);
        await SaveAsync(menteeClient, pairingId);
        await ConfirmAsync(menteeClient, pairingId);
        await ConfirmAsync(mentorClient, pairingId);

        await SaveAsync(mentorClient, pairingId, new Dictionary<string, string>(Words) { ["Meetings"] = "Monthly, by video." });

        var agreement = await AgreementAsync(pairingId);
        Assert.NotNull(agreement);
        Assert.Equal("Monthly, by video.", agreement.Meetings);
        Assert.Null(agreement.MenteeConfirmedAt);
        Assert.Null(agreement.MentorConfirmedAt);
        var again = await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == PortalEmails.AgreementToConfirmSubject);
        Assert.Contains($"{mentor.Name} has changed your mentoring agreement", again.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Waiting for you and {mentee.Name} to confirm", await mentorClient.GetStringAsync($"/pairings/{pairingId}"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfirmingAVersionChangedSinceReading_IsRefused()
    {
        var (mentor, mentee, pairingId) = await PairedAsync();
        using var menteeClient = await factory.Data.SignInAsync(mentee);
        using var mentorClient = await factory.Data.SignInAsync(mentor);
        await SaveAsync(menteeClient, pairingId);
        var page = await Forms.ParseHtmlAsync(await mentorClient.GetAsync($"/pairings/{pairingId}/agreement"));
        await SaveAsync(menteeClient, pairingId, new Dictionary<string, string>(Words) { ["Ending"] = "With a month's notice." });

        using var response = await Forms.SubmitAsync(mentorClient, page, new Uri(mentorClient.BaseAddress!, $"/pairings/{pairingId}/agreement"),
            formAction: $"/pairings/{pairingId}/agreement/confirm");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await AgreementAsync(pairingId))!.MentorConfirmedAt);
        Assert.Contains("changed after you opened it", await mentorClient.GetStringAsync($"/pairings/{pairingId}/agreement"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BeforeTheFirstMeetingIsPlanned_CannotBeWritten()
    {
        var (_, mentee, pairingId) = await PairedAsync(meetingPlanned: false);
        using var client = await factory.Data.SignInAsync(mentee);

        var page = await client.GetStringAsync($"/pairings/{pairingId}");
        Assert.Contains("Not yet written", page, StringComparison.Ordinal);
        Assert.Contains("Plan your first meeting first", page, StringComparison.Ordinal);
        using var edit = await client.GetAsync($"/pairings/{pairingId}/agreement/edit");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
    }

    [Fact]
    public async Task MissingPart_IsShownBesideTheField_AndNothingIsSaved()
    {
        var (_, mentee, pairingId) = await PairedAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/agreement/edit",
            new Dictionary<string, string>(Words) { ["Ending"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains("Enter how either of you can end the mentoring.", page.QuerySelector("#Ending-error")?.TextContent ?? page.Body!.TextContent,
            StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Ending']"));
        Assert.Null(await AgreementAsync(pairingId));
    }

    [Fact]
    public async Task AdministratorAndStranger_GetNotFound_AndTokenlessPostsAreRefused()
    {
        var (_, mentee, pairingId) = await PairedAsync();
        using (var menteeClient = await factory.Data.SignInAsync(mentee))
        {
            await SaveAsync(menteeClient, pairingId);
        }

        var admin = await factory.Data.AdministratorAsync();
        var stranger = await factory.Data.MenteeAsync();
        foreach (var person in new[] { admin, stranger })
        {
            using var client = await factory.Data.SignInAsync(person);
            foreach (var path in new[] { "", "/edit" })
            {
                using var get = await client.GetAsync($"/pairings/{pairingId}/agreement{path}");
                Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            }

            var home = await Forms.ParseHtmlAsync(await client.GetAsync("/me"));
            var token = home.QuerySelector($"input[name={Forms.AntiforgeryField}]")?.GetAttribute("value") ?? "";
            using var post = await client.PostAsync($"/pairings/{pairingId}/agreement/confirm", new FormUrlEncodedContent(
                new Dictionary<string, string> { ["Revision"] = "1", [Forms.AntiforgeryField] = token }));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        using var member = await factory.Data.SignInAsync(mentee);
        using var tokenless = await member.PostAsync($"/pairings/{pairingId}/agreement/confirm",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Revision"] = "1" }));
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Null((await AgreementAsync(pairingId))!.MenteeConfirmedAt);
    }
}
