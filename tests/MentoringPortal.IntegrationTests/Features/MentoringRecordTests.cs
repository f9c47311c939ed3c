using System.Net;
using System.Text.Json;
using MentoringPortal.Domain.Privacy;
using MentoringPortal.Domain.Records;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.DataRights;
using MentoringPortal.Web.Features.Pairings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The mentor's record for appraisal over HTTP on PostgreSQL: the page, the mentee's consent, issuing, the PDF, /verify and data rights.</summary>
public sealed class MentoringRecordTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string RecordUrl = "/me/mentoring-record";

    [Fact]
    public async Task Record_ShowsTrainingPairingsMeetingsAndTotals_ButNotAMenteeWhoDidNotAgree()
    {
        var (mentor, mentee, _, startedAt) = await PairWithMeetingsAsync();
        using var client = await factory.Data.SignInAsync(mentor);

        var page = await Forms.ParseHtmlAsync(await client.GetAsync(RecordUrl));
        var text = page.Body!.TextContent;

        Assert.Contains(mentor.Name, text, StringComparison.Ordinal);
        Assert.Contains("2-day mentor training course", page.QuerySelector("#training-title + table")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelectorAll("#pairings-title ~ table tbody tr").Single().QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Mentee 1", row[1], $"{UkTime.ToUk(startedAt):MMMM yyyy} – ongoing", "2", "2 hours"], row);
        Assert.DoesNotContain(mentee.Name, text, StringComparison.Ordinal);
        Assert.Contains("2 hours", page.QuerySelector(".record-totals")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_GivenOnThePairingPage_NamesTheMentee_AndWithdrawingItNumbersThemAgain()
    {
        var (mentor, mentee, pairingId, _) = await PairWithMeetingsAsync();
        using var menteeClient = await factory.Data.SignInAsync(mentee);
        using var mentorClient = await factory.Data.SignInAsync(mentor);

        var pairingPage = await Forms.ParseHtmlAsync(await menteeClient.GetAsync($"/pairings/{pairingId}"));
        Assert.False(((AngleSharp.Html.Dom.IHtmlInputElement)pairingPage.QuerySelector("#AgreesToBeNamed")!).IsChecked);

        using (var agreed = await Forms.SubmitAsync(menteeClient, $"/pairings/{pairingId}", new Dictionary<string, string> { ["AgreesToBeNamed"] = "true" },
            formAction: $"/pairings/{pairingId}/record-consent"))
        {
            Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
        }

        Assert.Contains(mentee.Name, await mentorClient.GetStringAsync(RecordUrl), StringComparison.Ordinal);

        using (var withdrawn = await Forms.SubmitAsync(menteeClient, $"/pairings/{pairingId}", [new("AgreesToBeNamed", string.Empty)],
            formAction: $"/pairings/{pairingId}/record-consent"))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        var record = await mentorClient.GetStringAsync(RecordUrl);
        Assert.DoesNotContain(mentee.Name, record, StringComparison.Ordinal);
        Assert.Contains("Mentee 1", record, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_TheMentorHasNoForm_AndAnotherMenteeOrTheMentorCannotPostIt()
    {
        var (mentor, _, pairingId, _) = await PairWithMeetingsAsync();
        var stranger = await factory.Data.MenteeAsync();
        using var mentorClient = await factory.Data.SignInAsync(mentor);
        using var strangerClient = await factory.Data.SignInAsync(stranger);

        Assert.Null((await Forms.ParseHtmlAsync(await mentorClient.GetAsync($"/pairings/{pairingId}"))).QuerySelector("#AgreesToBeNamed"));
        var page = await Forms.ParseHtmlAsync(await strangerClient.GetAsync("/me"));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["AgreesToBeNamed"] = "true",
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        });
        using var response = await strangerClient.PostAsync($"/pairings/{pairingId}/record-consent", content);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await factory.Data.QueryAsync(db => db.Pairings.Where(p => p.Id == pairingId).Select(p => p.MenteeAgreesToBeNamed).SingleAsync()));
    }

    [Fact]
    public async Task Record_NeverShowsAnotherMentorsPairings_NorTheirIssuedRecords()
    {
        var (mentor, _, _, _) = await PairWithMeetingsAsync();
        var other = await factory.Data.MentorAsync(name: $"Dr Other {Guid.NewGuid():N}");
        using var mentorClient = await factory.Data.SignInAsync(mentor);
        using var otherClient = await factory.Data.SignInAsync(other);
        var code = await IssueAsync(mentorClient);

        var page = await Forms.ParseHtmlAsync(await otherClient.GetAsync(RecordUrl));

        Assert.Contains("No pairing was active in this period.", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(mentor.Name, page.Body.TextContent, StringComparison.Ordinal);
        using var issued = await otherClient.GetAsync($"{RecordUrl}/issued/{code}");
        Assert.Equal(HttpStatusCode.NotFound, issued.StatusCode);
        using var pdf = await otherClient.GetAsync($"{RecordUrl}/issued/{code}/pdf");
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
    }

    [Fact]
    public async Task Record_ForAMentee_IsRefusedLikeEveryMentorsPage()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        using var response = await client.GetAsync(RecordUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_AnUnknownPeriod_SaysSoBesideTheField()
    {
        var mentor = await factory.Data.MentorAsync();
        using var client = await factory.Data.SignInAsync(mentor);

        var page = await Forms.ParseHtmlAsync(await client.GetAsync($"{RecordUrl}?period=last-50-years"));

        Assert.Contains("Choose one of the periods in the list.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#Period[aria-invalid=true], #Period[aria-describedby]"));
    }

    [Theory]
    [InlineData(RecordUrl + "/issue")]
    [InlineData("/pairings/0/record-consent")]
    public async Task Post_WithoutAntiforgeryToken_Is400(string path)
    {
        var (mentor, mentee, _, _) = await PairWithMeetingsAsync();
        using var client = await factory.Data.SignInAsync(path.StartsWith("/pairings", StringComparison.Ordinal) ? mentee : mentor);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Period"] = RecordPeriod.All, ["AgreesToBeNamed"] = "true" });

        using var response = await client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.IssuedRecords.CountAsync(r => r.MentorName == mentor.Name)));
    }

    [Fact]
    public async Task Issue_StoresASnapshotWithACode_AuditsIt_AndVerifyShowsItToAnyone()
    {
        var (mentor, mentee, _, _) = await PairWithMeetingsAsync();
        using var client = await factory.Data.SignInAsync(mentor);

        var code = await IssueAsync(client);
        var issuedPage = await Forms.ParseHtmlAsync(await client.GetAsync($"{RecordUrl}/issued/{code}"));
        Assert.Contains($"http://localhost/verify/{code}", issuedPage.Body!.TextContent, StringComparison.Ordinal);

        var stored = await factory.Data.QueryAsync(db => db.IssuedRecords.SingleAsync(r => r.Code == code.Replace("-", string.Empty, StringComparison.Ordinal)));
        Assert.Equal((mentor.Name, 1, 2, 120), (stored.MentorName, stored.Pairings, stored.MeetingsHeld, stored.MeetingMinutes));
        Assert.Contains(await factory.Data.QueryAsync(db => db.AuditEntries.Where(e => e.Subject == mentor.Name).Select(e => e.Action).ToListAsync()),
            a => a == AuditActions.MentoringRecordIssued);

        using var anonymous = factory.CreateClientNoRedirect();
        foreach (var url in new[] { $"/verify/{code}", $"/verify?code={code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)}" })
        {
            var text = (await Forms.ParseHtmlAsync(await anonymous.GetAsync(url))).QuerySelector(".result")!.TextContent;
            Assert.Contains(mentor.Name, text, StringComparison.Ordinal);
            Assert.Contains("2 hours", text, StringComparison.Ordinal);
            Assert.Contains(UkTime.Date(stored.IssuedAt), text, StringComparison.Ordinal);
            Assert.DoesNotContain(mentee.Name, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/verify/ZZZZ-ZZZZ-ZZZZ")]
    [InlineData("/verify/not-a-code")]
    [InlineData("/verify?code=%27%3B+DROP+TABLE")]
    public async Task Verify_AnUnknownOrMalformedCode_GetsTheSameAnswer(string url)
    {
        using var anonymous = factory.CreateClientNoRedirect();

        using var response = await anonymous.GetAsync(url);
        var page = await Forms.ParseHtmlAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("No record has this code", page.QuerySelector("#result-title")!.TextContent.Trim());
    }

    [Fact]
    public async Task Pdf_HasTheRecordsText_ItsCodeAndWhereToVerifyIt()
    {
        var (mentor, mentee, _, startedAt) = await PairWithMeetingsAsync();
        using var client = await factory.Data.SignInAsync(mentor);

        using var response = await Forms.SubmitAsync(client, RecordUrl, new Dictionary<string, string> { ["Format"] = "pdf" },
            formAction: $"{RecordUrl}/issue");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        var code = await factory.Data.QueryAsync(db => db.IssuedRecords.Where(r => r.MentorName == mentor.Name).Select(r => r.Code).SingleAsync());
        var grouped = VerificationCode.Grouped(code);
        Assert.Contains("Mentoring record for appraisal", text, StringComparison.Ordinal);
        Assert.Contains(mentor.Name, text, StringComparison.Ordinal);
        Assert.Contains("2-day mentor training course", text, StringComparison.Ordinal);
        Assert.Contains("Mentee 1", text, StringComparison.Ordinal);
        Assert.Contains($"{UkTime.ToUk(startedAt):MMMM yyyy} – ongoing", text, StringComparison.Ordinal);
        Assert.Contains("2 hours", text, StringComparison.Ordinal);
        Assert.Contains(grouped, text, StringComparison.Ordinal);
        Assert.Contains($"http://localhost/verify/{grouped}", text, StringComparison.Ordinal);
        Assert.Contains(UkTime.Date(DateTime.UtcNow), text, StringComparison.Ordinal);
        Assert.DoesNotContain(mentee.Name, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataRights_IssuedRecordsAreInTheExport_AndGoWithTheMentorsAccount()
    {
        var (mentor, _, _, _) = await PairWithMeetingsAsync();
        using var client = await factory.Data.SignInAsync(mentor);
        var code = (await IssueAsync(client)).Replace("-", string.Empty, StringComparison.Ordinal);
        var userId = await factory.Data.UserIdAsync(mentor.Email);

        var export = await factory.InScopeAsync(services => services.GetRequiredService<PersonalDataExport>().CollectAsync(userId, CancellationToken.None));
        Assert.Contains(code, JsonSerializer.Serialize(export["issuedMentoringRecords"]), StringComparison.Ordinal);

        await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var eraser = services.GetRequiredService<AccountEraser>();
            return await db.InOneUnitAsync(async unit =>
            {
                var request = ErasureRequest.ByAdministrator(userId, "an-administrator", DateTime.UtcNow);
                db.ErasureRequests.Add(request);
                await eraser.EraseAsync(request, null, unit);
                return 0;
            }, CancellationToken.None);
        });

        Assert.False(await factory.Data.QueryAsync(db => db.IssuedRecords.AnyAsync(r => r.Code == code)));
    }

    private static async Task<string> IssueAsync(HttpClient client)
    {
        using var response = await Forms.SubmitAsync(client, RecordUrl, new Dictionary<string, string> { ["Format"] = "html" }, formAction: $"{RecordUrl}/issue");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString.Split('/')[^1];
    }

    /// <summary>A mentor and mentee paired 100 days ago, with two held meetings of an hour each and one planned.</summary>
    private async Task<(Person Mentor, Person Mentee, int PairingId, DateTime StartedAt)> PairWithMeetingsAsync()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme, name: $"Dr Record {Guid.NewGuid():N}");
        var mentee = await factory.Data.MenteeAsync(programme, name: $"Dr Mentee {Guid.NewGuid():N}");
        var startedAt = DateTime.UtcNow.AddDays(-100);
        var pairingId = await factory.Data.PairAsync(mentee, mentor, startedAt);
        await factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddDays(-60), held: true);
        await factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddDays(-20), held: true);
        await factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddDays(10));
        return (mentor, mentee, pairingId, startedAt);
    }
}
