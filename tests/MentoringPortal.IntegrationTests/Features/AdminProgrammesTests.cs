using System.Net;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Programmes under administration: creating and editing with the matching weights, audited, within the administrator's scope.</summary>
public sealed class AdminProgrammesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Create_SavesTheProgrammeAndAnAuditRowWithItsId()
    {
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);
        var name = "Women in Surgery " + Guid.NewGuid().ToString("N")[..6];

        using var response = await Forms.SubmitAsync(client, "/admin/programmes/new", new Dictionary<string, string>
        {
            ["Name"] = name,
            ["Summary"] = "Mentoring for women surgeons in training.",
            ["MatchingMode"] = nameof(MatchingMode.SchemeMatches),
            ["MeetingCadenceWeeks"] = "6",
            ["EvaluationPointMonths"] = "9",
            ["OpenForApplications"] = "false",
            ["TrainingValidityMonths"] = "24",
            ["DifferentBackground"] = "8",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/programmes", response.Headers.Location?.OriginalString);
        var programme = await factory.Data.QueryAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Name == name));
        Assert.Equal(Programme.SlugFor(name), programme.Slug);
        Assert.Equal(MatchingMode.SchemeMatches, programme.MatchingMode);
        Assert.Equal(6, programme.MeetingCadenceWeeks);
        Assert.Equal(9, programme.EvaluationPointMonths);
        Assert.False(programme.OpenForApplications);
        Assert.Equal(24, programme.TrainingValidityMonths);
        Assert.Equal(new MatchingWeights(4, 8, 2, 2, 1), programme.Weights);

        var audit = Assert.Single(await factory.Data.AuditAsync(AuditActions.ProgrammeCreated, name));
        Assert.Equal(programme.Id, audit.ProgrammeId);
        Assert.Equal(await factory.Data.UserIdAsync(admin.Email), audit.ActorUserId);
        Assert.Contains("cadence 6 weeks", audit.After, StringComparison.Ordinal);

        var list = await Forms.ParseHtmlAsync(await client.GetAsync("/admin/programmes"));
        Assert.Contains(list.QuerySelectorAll("td"), td => td.TextContent == name);
        Assert.Contains($"/admin/programmes/{programme.Id}/edit", list.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("/admin/programmes/new", list.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Create_NameAlreadyTaken_SaysSoBesideTheNameAndCreatesNothing()
    {
        var existing = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        using var response = await Forms.SubmitAsync(client, "/admin/programmes/new", new Dictionary<string, string>
        {
            ["Name"] = existing.Name.ToUpperInvariant(),
            ["Summary"] = "Another summary.",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains("already exists", page.QuerySelector("#Name-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Name")?.GetAttribute("aria-invalid"));
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.Programmes.CountAsync(p => p.Slug == existing.Slug)));
        Assert.Empty(await factory.Data.AuditAsync(AuditActions.ProgrammeCreated, existing.Name.ToUpperInvariant()));
    }

    [Fact]
    public async Task Edit_SettingsAndWeights_WritesTwoAuditRowsWithBeforeAndAfter()
    {
        var programme = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        var form = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/programmes/{programme.Id}/edit"));
        Assert.Contains(form.QuerySelectorAll("fieldset legend"), legend => legend.TextContent == "Matching weights");
        using var response = await Forms.SubmitAsync(client, $"/admin/programmes/{programme.Id}/edit", new Dictionary<string, string>
        {
            ["MeetingCadenceWeeks"] = "4",
            ["OpenForApplications"] = "false",
            ["Expertise"] = "7",
            ["FreePlaces"] = "0",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.Data.QueryAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programme.Id));
        Assert.Equal(4, saved.MeetingCadenceWeeks);
        Assert.False(saved.OpenForApplications);
        Assert.Equal(new MatchingWeights(7, 5, 2, 2, 0), saved.Weights);
        Assert.Equal(programme.Slug, saved.Slug);

        var edited = Assert.Single(await factory.Data.AuditAsync(AuditActions.ProgrammeEdited, programme.Name));
        Assert.Equal(programme.Id, edited.ProgrammeId);
        Assert.Contains("cadence 8 weeks", edited.Before, StringComparison.Ordinal);
        Assert.Contains("open for applications", edited.Before, StringComparison.Ordinal);
        Assert.Contains("cadence 4 weeks", edited.After, StringComparison.Ordinal);
        Assert.Contains("closed for applications", edited.After, StringComparison.Ordinal);

        var weights = Assert.Single(await factory.Data.AuditAsync(AuditActions.WeightsChanged, programme.Name));
        Assert.Equal(programme.Id, weights.ProgrammeId);
        Assert.Equal("Expertise 4, Different background 5, Same region 2, Meeting mode 2, Free places 1", weights.Before);
        Assert.Equal("Expertise 7, Different background 5, Same region 2, Meeting mode 2, Free places 0", weights.After);
    }

    [Fact]
    public async Task Edit_InvalidInput_ShowsMessagesBesideTheFieldsAndChangesNothing()
    {
        var programme = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches);
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        using var response = await Forms.SubmitAsync(client, $"/admin/programmes/{programme.Id}/edit", new Dictionary<string, string>
        {
            ["Name"] = "A new name that must not be saved",
            ["MeetingCadenceWeeks"] = "0",
            ["TrainingValidityMonths"] = "soon",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains("The meeting cadence must be between 1 and 52 weeks.", page.QuerySelector("#MeetingCadenceWeeks-error")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("whole number of months", page.QuerySelector("#TrainingValidityMonths-error")?.TextContent, StringComparison.Ordinal);

        using var zeroWeights = await Forms.SubmitAsync(client, $"/admin/programmes/{programme.Id}/edit", new Dictionary<string, string>
        {
            ["Expertise"] = "0",
            ["DifferentBackground"] = "0",
            ["SameRegion"] = "0",
            ["MeetingMode"] = "0",
            ["FreePlaces"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, zeroWeights.StatusCode);
        var weightsPage = await Forms.ParseHtmlAsync(zeroWeights);
        Assert.Contains("Give at least one kind of fit a weight above 0.", weightsPage.QuerySelector("#Weights-error")?.TextContent, StringComparison.Ordinal);

        using var tooHigh = await Forms.SubmitAsync(client, $"/admin/programmes/{programme.Id}/edit", new Dictionary<string, string> { ["SameRegion"] = "11" });
        Assert.Equal(HttpStatusCode.OK, tooHigh.StatusCode);
        Assert.NotNull((await Forms.ParseHtmlAsync(tooHigh)).QuerySelector("#SameRegion-error"));

        var saved = await factory.Data.QueryAsync(db => db.Programmes.AsNoTracking().SingleAsync(p => p.Id == programme.Id));
        Assert.Equal(programme.Name, saved.Name);
        Assert.Equal(Programme.DefaultMeetingCadenceWeeks, saved.MeetingCadenceWeeks);
        Assert.Null(saved.TrainingValidityMonths);
        Assert.Equal(MatchingWeights.Default, saved.Weights);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.AuditEntries.CountAsync(a => a.ProgrammeId == programme.Id)));
    }

    [Fact]
    public async Task LimitedAdministrator_SeesAndActsOnlyInTheirProgrammes()
    {
        var programmeA = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches, name: "Alpha");
        var programmeB = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches, name: "Beta");
        var pageA = await factory.Data.ResourcePageAsync("Alpha handbook", "Text.", programmeA);
        var pageB = await factory.Data.ResourcePageAsync("Beta handbook", "Text.", programmeB);
        var someone = await factory.Data.AdministratorAsync();
        await factory.Data.AuditEntriesAsync(someone.Email, AuditActions.PairingEnded, 1, "Alpha pairing " + programmeA.Slug, programmeA.Id, DateTime.UtcNow);
        await factory.Data.AuditEntriesAsync(someone.Email, AuditActions.PairingEnded, 1, "Beta pairing " + programmeB.Slug, programmeB.Id, DateTime.UtcNow);
        await factory.Data.AuditEntriesAsync(someone.Email, AuditActions.AdministratorAdded, 1, "Role change " + programmeB.Slug, null, DateTime.UtcNow);
        var admin = await factory.Data.AdministratorAsync(programmeA);
        using var client = await factory.Data.SignInAsync(admin);

        foreach (var url in new[]
        {
            $"/admin/programmes/{programmeB.Id}/edit", "/admin/programmes/new", "/admin/administrators", "/admin/administrators/new",
            $"/admin/resources/{pageB}/edit", $"/admin/resources/new?programme={programmeB.Slug}",
        })
        {
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} gave {response.StatusCode}");
        }

        using (var post = await Forms.SubmitAsync(client, $"/admin/programmes/{programmeA.Id}/edit", new Dictionary<string, string> { ["Name"] = "Hijacked" },
            formAction: $"/admin/programmes/{programmeA.Id}/edit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        }

        var pageOfA = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/programmes/{programmeA.Id}/edit"));
        var formToB = (AngleSharp.Html.Dom.IHtmlFormElement)pageOfA.Forms.Single(f => f.GetAttribute("action")!.StartsWith("/admin/programmes/", StringComparison.Ordinal));
        formToB.SetAttribute("action", $"/admin/programmes/{programmeB.Id}/edit");
        using (var postToB = await Forms.SubmitAsync(client, pageOfA, new Uri(client.BaseAddress!, $"/admin/programmes/{programmeA.Id}/edit"),
            new Dictionary<string, string> { ["Name"] = "Hijacked B" }, formAction: $"/admin/programmes/{programmeB.Id}/edit"))
        {
            Assert.Equal(HttpStatusCode.NotFound, postToB.StatusCode);
        }

        Assert.Equal(programmeB.Name, await factory.Data.QueryAsync(db => db.Programmes.Where(p => p.Id == programmeB.Id).Select(p => p.Name).SingleAsync()));

        using (var editA = await client.GetAsync($"/admin/resources/{pageA}/edit"))
        {
            Assert.Equal(HttpStatusCode.OK, editA.StatusCode);
        }

        var programmes = await client.GetStringAsync("/admin/programmes");
        Assert.Contains("Hijacked", programmes, StringComparison.Ordinal);
        Assert.DoesNotContain(programmeB.Name, programmes, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/programmes/new", programmes, StringComparison.Ordinal);

        var resources = await client.GetStringAsync("/admin/resources");
        Assert.Contains("Alpha handbook", resources, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta handbook", resources, StringComparison.Ordinal);

        var audit = await client.GetStringAsync("/admin/audit");
        Assert.Contains("Alpha pairing " + programmeA.Slug, audit, StringComparison.Ordinal);
        Assert.DoesNotContain("Beta pairing " + programmeB.Slug, audit, StringComparison.Ordinal);
        Assert.DoesNotContain("Role change " + programmeB.Slug, audit, StringComparison.Ordinal);
        var filteredToB = await client.GetStringAsync($"/admin/audit?programme={programmeB.Id}");
        Assert.DoesNotContain("Beta pairing " + programmeB.Slug, filteredToB, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mentee", "/admin/programmes")]
    [InlineData("mentee", "/admin/audit")]
    [InlineData("mentor", "/admin/programmes")]
    [InlineData("mentor", "/admin/audit")]
    [InlineData("mentor", "/admin/administrators")]
    public async Task MenteeOrMentor_IsDenied(string who, string url)
    {
        var person = who == "mentee" ? await factory.Data.MenteeAsync() : await factory.Data.MentorAsync();
        using var client = await factory.Data.SignInAsync(person);

        using var response = await client.GetAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url} gave {response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
    }
}
