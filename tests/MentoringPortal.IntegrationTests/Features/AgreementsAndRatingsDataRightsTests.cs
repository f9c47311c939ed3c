using System.IO.Compression;
using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The agreement and the member's own meeting ratings are in their data download, and go when their account is erased.</summary>
public sealed class AgreementsAndRatingsDataRightsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Expectation = "Someone to think my return through with.";
    private const string MenteeComment = "My private comment on the meeting.";
    private const string MentorComment = "The mentor's own comment.";

    private async Task<(Person Mentee, Person Mentor, int PairingId, int MeetingId, TestProgramme Programme)> AgreedAndRatedAsync()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        var pairingId = await factory.Data.PairAsync(mentee, mentor, DateTime.UtcNow.AddDays(-20));
        await factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddDays(-3), held: true);
        var meetingId = await factory.Data.QueryAsync(db => db.Meetings.Where(m => m.PairingId == pairingId).Select(m => m.Id).SingleAsync());
        using (var client = await factory.Data.SignInAsync(mentee))
        {
            using var saved = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/agreement/edit", new Dictionary<string, string>
            {
                ["Meetings"] = "Monthly.",
                ["MenteeExpectations"] = Expectation,
                ["MentorExpectations"] = "Notice if a meeting moves.",
                ["Ending"] = "Either of us, any time.",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            using var rated = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/rating",
                new Dictionary<string, string> { ["Usefulness"] = "4", ["Comment"] = MenteeComment });
            Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        }

        using (var client = await factory.Data.SignInAsync(mentor))
        {
            using var rated = await Forms.SubmitAsync(client, $"/pairings/{pairingId}/meetings/{meetingId}/rating",
                new Dictionary<string, string> { ["Usefulness"] = "2", ["Comment"] = MentorComment });
            Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        }

        return (mentee, mentor, pairingId, meetingId, programme);
    }

    [Fact]
    public async Task DownloadMyData_HoldsTheAgreementAndMyOwnRatingsOnly()
    {
        var (mentee, _, _, _, _) = await AgreedAndRatedAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        using (var response = await Forms.SubmitAsync(client, "/me/data", []))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        await factory.Mailbox.WaitForAsync(m => m.IsTo(mentee.Email) && m.Subject == PortalEmails.DataExportReadySubject);
        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/me/data"));
        using var download = await client.GetAsync(page.QuerySelector("a[href$='/download']")!.GetAttribute("href")!);
        await using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(await Assert.Single(zip.Entries).OpenAsync());
        var json = await reader.ReadToEndAsync();

        using var parsed = System.Text.Json.JsonDocument.Parse(json);
        var pairing = parsed.RootElement.GetProperty("pairings")[0];
        Assert.Equal(Expectation, pairing.GetProperty("Agreement").GetProperty("MenteeExpectations").GetString());
        var rating = pairing.GetProperty("Meetings")[0].GetProperty("YourRating");
        Assert.Equal(4, rating.GetProperty("Usefulness").GetInt32());
        Assert.Equal(MenteeComment, rating.GetProperty("Comment").GetString());
        Assert.DoesNotContain(MentorComment, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_RemovesTheAgreementAndThePersonsRatings_KeepsTheOtherMembersRating()
    {
        var (mentee, _, pairingId, meetingId, programme) = await AgreedAndRatedAsync();
        var admin = await factory.Data.AdministratorAsync(programme);
        using var adminClient = await factory.Data.SignInAsync(admin);

        using (var response = await Forms.SubmitAsync(adminClient, "/admin/erasure",
            new Dictionary<string, string> { ["Email"] = mentee.Email, ["Confirmed"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        Assert.False(await factory.Data.QueryAsync(db => db.MentoringAgreements.AnyAsync(a => a.PairingId == pairingId)));
        var left = await factory.Data.QueryAsync(db => db.MeetingRatings.AsNoTracking().Where(r => r.MeetingId == meetingId).ToListAsync());
        var kept = Assert.Single(left);
        Assert.Equal(MentorComment, kept.Comment);
    }
}
