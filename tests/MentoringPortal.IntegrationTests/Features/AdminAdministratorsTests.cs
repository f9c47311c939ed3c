using System.Net;
using AngleSharp.Html.Dom;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>Adding, limiting and removing administrators: audited as role changes, and access follows at once.</summary>
public sealed class AdminAdministratorsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AddLimitWidenAndRemove_WriteAuditRowsAndChangeAccess()
    {
        var programmeA = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches, name: "Alpha");
        var programmeB = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches, name: "Beta");
        var admin = await factory.Data.AdministratorAsync();
        var person = await factory.Data.MentorAsync();
        var personId = await factory.Data.UserIdAsync(person.Email);
        using var client = await factory.Data.SignInAsync(admin);

        using (var added = await Forms.SubmitAsync(client, "/admin/administrators/new", new Dictionary<string, string>
        {
            ["Email"] = person.Email,
            ["Scope"] = "some",
            ["ProgrammeIds"] = programmeA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var addedRow = Assert.Single(await factory.Data.AuditAsync(AuditActions.AdministratorAdded, person.Email));
        Assert.Null(addedRow.ProgrammeId);
        Assert.Equal("Only " + programmeA.Name, addedRow.After);
        var list = await client.GetStringAsync("/admin/administrators");
        Assert.Contains(person.Email, list, StringComparison.Ordinal);

        await SecondFactor.EnableAuthenticatorAsync(factory.Services, person.Email); // administrators need a second factor
        using (var newAdmin = await factory.Data.SignInAsync(person))
        {
            Assert.Equal(HttpStatusCode.OK, (await newAdmin.GetAsync($"/admin/programmes/{programmeA.Id}/edit")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await newAdmin.GetAsync($"/admin/programmes/{programmeB.Id}/edit")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await newAdmin.GetAsync("/admin/administrators")).StatusCode);

            using (var widened = await Forms.SubmitAsync(client, $"/admin/administrators/{personId}/edit", new Dictionary<string, string>
            {
                ["Scope"] = "all",
            }))
            {
                Assert.Equal(HttpStatusCode.Redirect, widened.StatusCode);
            }

            var changed = Assert.Single(await factory.Data.AuditAsync(AuditActions.AdministratorChanged, person.Email));
            Assert.Null(changed.ProgrammeId);
            Assert.Equal("Only " + programmeA.Name, changed.Before);
            Assert.Equal("Every programme", changed.After);
            // A change of scope ends their sessions; signed in again, they have the new scope.
            using (var ended = await newAdmin.GetAsync($"/admin/programmes/{programmeB.Id}/edit"))
            {
                Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
                Assert.Contains(Forms.LoginPath, ended.Headers.Location?.OriginalString, StringComparison.Ordinal);
            }

            using var again = await factory.Data.SignInAsync(person);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/admin/programmes/{programmeB.Id}/edit")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin/administrators")).StatusCode);
        }

        using (var confirm = await client.GetAsync($"/admin/administrators/{personId}/remove"))
        {
            Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        }

        using (var removed = await Forms.SubmitAsync(client, $"/admin/administrators/{personId}/remove"))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        var removedRow = Assert.Single(await factory.Data.AuditAsync(AuditActions.AdministratorRemoved, person.Email));
        Assert.Null(removedRow.ProgrammeId);
        Assert.Equal("Every programme", removedRow.Before);
        Assert.False(await IsAdministratorAsync(personId));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.ProgrammeAdministrators.CountAsync(a => a.UserId == personId)));
        using var former = await factory.Data.SignInAsync(person);
        using var denied = await former.GetAsync("/admin/programmes");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/access-denied", denied.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await former.GetAsync("/mentor/availability")).StatusCode);
    }

    [Fact]
    public async Task Add_UnknownEmailOrNoProgrammeTicked_SaysSoAndAddsNobody()
    {
        var admin = await factory.Data.AdministratorAsync();
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(admin);
        var unknown = Unique.Email("nobody");

        using var noAccount = await Forms.SubmitAsync(client, "/admin/administrators/new", new Dictionary<string, string> { ["Email"] = unknown });
        Assert.Equal(HttpStatusCode.OK, noAccount.StatusCode);
        Assert.Contains("No account has this email address", (await Forms.ParseHtmlAsync(noAccount)).QuerySelector("#Email-error")?.TextContent,
            StringComparison.Ordinal);

        using var noneTicked = await Forms.SubmitAsync(client, "/admin/administrators/new", new Dictionary<string, string>
        {
            ["Email"] = mentee.Email,
            ["Scope"] = "some",
        });
        Assert.Equal(HttpStatusCode.OK, noneTicked.StatusCode);
        Assert.Contains("Tick at least one programme", (await Forms.ParseHtmlAsync(noneTicked)).QuerySelector("#ProgrammeIds-error")?.TextContent,
            StringComparison.Ordinal);

        Assert.False(await IsAdministratorAsync(await factory.Data.UserIdAsync(mentee.Email)));
        Assert.Empty(await factory.Data.AuditAsync(AuditActions.AdministratorAdded, mentee.Email));
        Assert.Empty(await factory.Data.AuditAsync(AuditActions.AdministratorAdded, unknown));
    }

    [Fact]
    public async Task Remove_Yourself_IsRefused()
    {
        var admin = await factory.Data.AdministratorAsync();
        var other = await factory.Data.AdministratorAsync();
        var adminId = await factory.Data.UserIdAsync(admin.Email);
        var otherId = await factory.Data.UserIdAsync(other.Email);
        using var client = await factory.Data.SignInAsync(admin);

        var confirm = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/administrators/{adminId}/remove"));
        Assert.Contains("You cannot remove yourself", confirm.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(confirm.Forms, f => f.GetAttribute("action") == $"/admin/administrators/{adminId}/remove");

        // A hand-made post (a valid form of another administrator's page, aimed at yourself) is refused too.
        var otherPage = await Forms.ParseHtmlAsync(await client.GetAsync($"/admin/administrators/{otherId}/remove"));
        var form = (IHtmlFormElement)otherPage.Forms.Single(f => f.GetAttribute("action") == $"/admin/administrators/{otherId}/remove");
        form.SetAttribute("action", $"/admin/administrators/{adminId}/remove");
        using var posted = await Forms.SubmitAsync(client, otherPage, new Uri(client.BaseAddress!, $"/admin/administrators/{otherId}/remove"),
            formAction: $"/admin/administrators/{adminId}/remove");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.True(await IsAdministratorAsync(adminId));
        Assert.Empty(await factory.Data.AuditAsync(AuditActions.AdministratorRemoved, admin.Email));
    }

    [Fact]
    public async Task Limit_TheOnlyAdministratorOfEveryProgramme_IsRefused()
    {
        await using var fresh = await PortalFactory.CreateAsync();
        var programme = await fresh.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches);
        var admin = await fresh.Data.AdministratorAsync();
        var adminId = await fresh.Data.UserIdAsync(admin.Email);
        using var client = await fresh.Data.SignInAsync(admin);

        using var response = await Forms.SubmitAsync(client, $"/admin/administrators/{adminId}/edit", new Dictionary<string, string>
        {
            ["Scope"] = "some",
            ["ProgrammeIds"] = programme.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("only administrator of every programme", (await Forms.ParseHtmlAsync(response)).QuerySelector("#Scope-error")?.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(0, await fresh.Data.QueryAsync(db => db.ProgrammeAdministrators.CountAsync()));
    }

    [Fact]
    public async Task Removing_ALimitedAdministrator_EndsTheirSessionAtOnce_AndNeverGrantsEveryProgramme()
    {
        var programmeA = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches, name: "Alpha");
        var programmeB = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches, name: "Beta");
        var admin = await factory.Data.AdministratorAsync();
        var limited = await factory.Data.AdministratorAsync(programmeA);
        var limitedId = await factory.Data.UserIdAsync(limited.Email);
        using var client = await factory.Data.SignInAsync(admin);
        using var limitedClient = await factory.Data.SignInAsync(limited);
        Assert.Equal(HttpStatusCode.NotFound, (await limitedClient.GetAsync($"/admin/programmes/{programmeB.Id}/edit")).StatusCode);

        using (var removed = await Forms.SubmitAsync(client, $"/admin/administrators/{limitedId}/remove"))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        // The removed person's very next request: signed out, not an administrator of every programme.
        foreach (var path in new[] { $"/admin/programmes/{programmeB.Id}/edit", "/admin/administrators/new", "/admin" })
        {
            using var response = await limitedClient.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains(Forms.LoginPath, response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        // Even a session that somehow still carried the role would find no programme: no rows never means "all".
        var scope = await factory.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new(System.Security.Claims.ClaimTypes.NameIdentifier, limitedId), new(System.Security.Claims.ClaimTypes.Role, Roles.Administrator)], "test"));
            return await MentoringPortal.Web.Features.Admin.AdminScope.ForAsync(db, principal, CancellationToken.None);
        });
        Assert.False(scope.AllProgrammes);
        Assert.Empty(scope.ProgrammeIds);
        Assert.False(scope.Covers(programmeA.Id));
    }

    [Fact]
    public async Task Narrowing_AnAdministrator_EndsTheirSessionAtOnce()
    {
        var programmeA = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches, name: "Alpha");
        var programmeB = await factory.Data.ProgrammeAsync(matching: MatchingMode.SchemeMatches, name: "Beta");
        var admin = await factory.Data.AdministratorAsync();
        var other = await factory.Data.AdministratorAsync();
        var otherId = await factory.Data.UserIdAsync(other.Email);
        using var client = await factory.Data.SignInAsync(admin);
        using var otherClient = await factory.Data.SignInAsync(other);
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync($"/admin/programmes/{programmeB.Id}/edit")).StatusCode);

        using (var narrowed = await Forms.SubmitAsync(client, $"/admin/administrators/{otherId}/edit", new Dictionary<string, string>
        {
            ["Scope"] = "some",
            ["ProgrammeIds"] = programmeA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, narrowed.StatusCode);
        }

        using (var next = await otherClient.GetAsync($"/admin/programmes/{programmeB.Id}/edit"))
        {
            Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        }

        using var again = await factory.Data.SignInAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync($"/admin/programmes/{programmeB.Id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync("/admin/administrators/new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/admin/programmes/{programmeA.Id}/edit")).StatusCode);
    }

    private Task<bool> IsAdministratorAsync(string userId) => factory.Data.QueryAsync(db =>
        db.UserRoles.AnyAsync(ur => ur.UserId == userId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)));
}
