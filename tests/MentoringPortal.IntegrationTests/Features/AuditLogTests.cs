using System.Net;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The audit log: read only, newest first, filtered and paged 25 at a time.</summary>
public sealed class AuditLogTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Log_FiltersByActionAndWho_AndPagesNewestFirst()
    {
        var programme = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches);
        var actor = await factory.Data.AdministratorAsync();
        var at = new DateTime(2026, 11, 22, 14, 5, 0, DateTimeKind.Utc);
        await factory.Data.AuditEntriesAsync(actor.Email, AuditActions.MentorApproved, 30, "Approved mentor", programme.Id, at);
        await factory.Data.AuditEntriesAsync(actor.Email, AuditActions.CapacityChanged, 3, "Capacity of mentor", programme.Id, at);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);
        var who = Uri.EscapeDataString(actor.Name.ToUpperInvariant());
        var action = Uri.EscapeDataString(AuditActions.MentorApproved);

        var first = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/audit?action={action}&who={who}"));
        var rows = first.QuerySelectorAll("tbody tr");
        Assert.Equal(25, rows.Length);
        Assert.All(rows, r => Assert.Equal(AuditActions.MentorApproved, r.Children[2].TextContent));
        Assert.Equal("Approved mentor 30", rows[0].Children[3].TextContent);
        Assert.Equal("22 Nov 2026 14:34 UTC", rows[0].QuerySelector("time")?.TextContent);
        Assert.Equal("2026-11-22T14:34:00Z", rows[0].QuerySelector("time")?.GetAttribute("datetime"));
        Assert.Contains(actor.Email, rows[0].Children[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(programme.Name, rows[0].Children[4].TextContent, StringComparison.Ordinal);
        Assert.Contains("30 changes", first.QuerySelector("main h2#entries-title")?.TextContent, StringComparison.Ordinal);
        var next = first.QuerySelector(".pagination a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(next);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        Assert.Contains("who=", next, StringComparison.Ordinal);

        var second = await Forms.ParseHtmlAsync(await client.GetAsync(next));
        var secondRows = second.QuerySelectorAll("tbody tr");
        Assert.Equal(5, secondRows.Length);
        Assert.Equal("Approved mentor 01", secondRows[^1].Children[3].TextContent);

        var byForm = await Forms.SubmitAsync(client, "/admin/audit", new Dictionary<string, string>
        {
            ["action"] = AuditActions.CapacityChanged,
            ["who"] = actor.Email,
            ["programme"] = programme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["from"] = "2026-11-22",
            ["to"] = "2026-11-22",
        }, formAction: "/admin/audit");
        Assert.Equal(3, (await Forms.ParseHtmlAsync(byForm)).QuerySelectorAll("tbody tr").Length);

        var tooEarly = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/audit?who={who}&to=2026-11-21"));
        Assert.Empty(tooEarly.QuerySelectorAll("tbody tr"));
        Assert.Contains("No changes match these filters", tooEarly.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_HasNoWayToChangeIt()
    {
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        var page = await Forms.ParseHtmlAsync(await client.GetAsync("/admin/audit"));
        Assert.DoesNotContain(page.QuerySelectorAll("main form"), f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase));
        using var content = new FormUrlEncodedContent([]);
        using var post = await client.PostAsync("/admin/audit", content);
        Assert.False(post.IsSuccessStatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
    }

    [Fact]
    public async Task Log_PortalEntries_ShowThePortalAsWho()
    {
        var programme = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches);
        await factory.Data.AuditEntriesAsync(null, AuditActions.TrainingRecorded, 1, "Portal entry " + programme.Slug, programme.Id, DateTime.UtcNow);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        var page = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/audit?programme={programme.Id}"));

        var row = Assert.Single(page.QuerySelectorAll("tbody tr"));
        Assert.Equal("The portal", row.Children[1].TextContent.Trim());
    }
}
