using System.Net;
using System.Text;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The administrators' CSV downloads: people, pairings and the audit log, within their programmes, safe to open in a spreadsheet.</summary>
public sealed class AdminExportsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task People_AreThoseOfTheAdministratorsProgrammes_WithFormulasNeutralised()
    {
        var programme = await factory.Data.ProgrammeAsync("Exported");
        var other = await factory.Data.ProgrammeAsync("Not exported");
        var mentor = await factory.Data.MentorAsync(programme, name: "=HYPERLINK(\"http://evil.example\") " + Unique.Name("Mentor"));
        var mentee = await factory.Data.MenteeAsync(programme);
        var outsider = await factory.Data.MenteeAsync(other);
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);

        var (name, text) = await DownloadAsync(client, "/admin/export/people.csv");

        Assert.Equal($"people-{Today}.csv", name);
        Assert.StartsWith("name,email,role,programme,joined\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"\"'{mentor.Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{mentor.Email},Mentor,{programme.Name},{Today}\r\n", text,
            StringComparison.Ordinal);
        Assert.Contains($"{mentee.Name},{mentee.Email},Mentee,{programme.Name},{Today}\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(outsider.Email, text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pairings_HaveTheirMeetingCounts()
    {
        var programme = await factory.Data.ProgrammeAsync("Pairings exported");
        var mentor = await factory.Data.MentorAsync(programme);
        var mentee = await factory.Data.MenteeAsync(programme);
        var started = DateTime.UtcNow.AddDays(-40);
        var pairingId = await factory.Data.PairAsync(mentee, mentor, started);
        var held = DateTime.UtcNow.AddDays(-10);
        await factory.Data.MeetingAsync(pairingId, held, held: true);
        await factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddDays(-20), held: true);
        await factory.Data.MeetingAsync(pairingId, DateTime.UtcNow.AddDays(10));
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);

        var (name, text) = await DownloadAsync(client, "/admin/export/pairings.csv");

        Assert.Equal($"pairings-{Today}.csv", name);
        Assert.StartsWith("pairing,programme,mentor,mentee,status,started,ended,meetings_held,meetings_planned,last_held\r\n", text, StringComparison.Ordinal);
        var day = (DateTime d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"{pairingId},{programme.Name},{mentor.Name},{mentee.Name},Active,{day(started)},,2,1,{day(held)}\r\n", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task AuditLog_IsFilteredAsThePageIs()
    {
        var programme = await factory.Data.ProgrammeAsync("Audited");
        var other = await factory.Data.ProgrammeAsync("Not audited");
        var admin = await factory.Data.AdministratorAsync(programme);
        var at = new DateTime(2026, 11, 22, 14, 5, 0, DateTimeKind.Utc);
        await factory.Data.AuditEntriesAsync(admin.Email, AuditActions.CapacityChanged, 3, "@Capacity", programme.Id, at);
        await factory.Data.AuditEntriesAsync(admin.Email, AuditActions.MentorApproved, 2, "Approved", programme.Id, at);
        await factory.Data.AuditEntriesAsync(admin.Email, AuditActions.CapacityChanged, 2, "Elsewhere", other.Id, at);
        using var client = await factory.Data.SignInAsync(admin);
        var page = await Forms.ParseHtmlAsync(await client.GetAsync(new Uri($"/admin/audit?action={Uri.EscapeDataString(AuditActions.CapacityChanged)}",
            UriKind.Relative)));
        var link = page.QuerySelector("a[href^='/admin/audit.csv']")!.GetAttribute("href")!;

        var (name, text) = await DownloadAsync(client, link);

        Assert.Equal($"audit-log-{Today}.csv", name);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at_utc,who,who_email,what,subject,programme,before,after", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal($"2026-11-22T14:05:00Z,{admin.Name},{admin.Email},{AuditActions.CapacityChanged},\"'@Capacity 01\",{programme.Name},before,after", lines[1]);
    }

    [Fact]
    public async Task Exports_AreForAdministratorsOnly()
    {
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);

        foreach (var url in new[] { "/admin/export/people.csv", "/admin/export/pairings.csv", "/admin/audit.csv" })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<(string FileName, string Text)> DownloadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3).ToArray());
        return (response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), Encoding.UTF8.GetString(bytes.AsSpan(3)));
    }
}
