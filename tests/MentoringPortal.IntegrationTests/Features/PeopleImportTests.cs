using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using MentoringPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>People in bulk: upload, preview, confirm, the background import, invitations and merging.</summary>
public sealed class PeopleImportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public const string MenteesHeader = "Email,Name,Specialty,Grade,Region,Background,Goal_Short_Term";

    [Fact]
    public async Task Import_GoodAndBadRows_PreviewsThenCreatesEachAccountOnceAndInvites()
    {
        var programme = await factory.Data.ProgrammeAsync("Imported");
        var elsewhere = await factory.Data.ProgrammeAsync("Elsewhere");
        var existing = await factory.Data.MenteeAsync(elsewhere);
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);
        var (first, second) = (Unique.Email("first"), Unique.Email("second"));
        var csv = $"""
            {MenteesHeader}
            {first},Fran First,Paediatrics,Core trainee,London,Returned after parental leave,Feel confident on call
            {second},Sid Second,,,,,
            {existing.Email.ToUpperInvariant()},Someone Else,,,,,
            not-an-email,Nadia,,,,,
            {Unique.Email("region")},Rita,Paediatrics,Core trainee,Mars,Returned after parental leave,
            {first},Fran Again,,,,,
            """;

        using var upload = await UploadAsync(client, programme.Id, "Mentees", csv);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var batchUrl = upload.Headers.Location!.OriginalString;
        var preview = await Forms.ParseHtmlAsync(await client.GetAsync(batchUrl));
        var text = preview.QuerySelector("main")!.TextContent;
        Assert.Contains("New people (2)", text, StringComparison.Ordinal);
        Assert.Contains("Already in the portal (1)", text, StringComparison.Ordinal);
        Assert.Contains("Rows with errors (3)", text, StringComparison.Ordinal);
        Assert.Contains("Already a mentee: added to " + programme.Name + ". Their profile stays as they wrote it.", text, StringComparison.Ordinal);
        var errors = preview.QuerySelectorAll("#error-rows + table tbody tr").Select(r => (r.Children[0].TextContent, r.Children[3].TextContent)).ToList();
        Assert.Equal([("5", "\"not-an-email\" is not an email address."),
            ("6", "Unknown region \"Mars\": use one of the portal's list (see the column help)."),
            ("7", "The same email address is already in row 2 of this file.")], errors);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Users.CountAsync(u => u.Email == first)));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.To == first)));

        using var confirmed = await Forms.SubmitAsync(client, batchUrl, formAction: batchUrl + "/confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        await RunImportsAsync();
        using var again = await client.PostAsync(new Uri(batchUrl + "/confirm", UriKind.Relative), null);
        await RunImportsAsync();

        var done = await Forms.ParseHtmlAsync(await client.GetAsync(batchUrl));
        Assert.StartsWith("Import finished", done.QuerySelector("h1")?.TextContent, StringComparison.Ordinal);
        var facts = done.QuerySelectorAll("dl.facts dt").ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
        Assert.Equal("2", facts["Accounts created and invited"]);
        Assert.Equal("1", facts["People already in the portal, merged"]);
        Assert.Equal("3", facts["Rows with errors, skipped"]);
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.Users.CountAsync(u => u.Email == first)));
        var existingNormalized = existing.Email.ToUpperInvariant();
        Assert.Equal(1, await factory.Data.QueryAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == existingNormalized)));
        Assert.True(await factory.Data.IsInRoleAsync(first, Roles.Mentee));
        var imported = await factory.Data.QueryAsync(db => db.Mentees.Include(m => m.Goals).Include(m => m.Programmes)
            .SingleAsync(m => m.UserId == db.Users.Where(u => u.Email == first).Select(u => u.Id).Single()));
        Assert.Equal("Paediatrics", imported.Specialty);
        Assert.Equal("Feel confident on call", Assert.Single(imported.Goals).Description);
        Assert.Equal(programme.Id, Assert.Single(imported.Programmes).Id);
        var merged = await factory.Data.QueryAsync(db => db.Mentees.Include(m => m.Programmes).SingleAsync(m => m.Id == existing.Id));
        Assert.Equal(existing.Name, merged.DisplayName);
        Assert.Equal(new[] { elsewhere.Id, programme.Id }.Order(), merged.Programmes.Select(p => p.Id).Order());

        var invitation = await factory.Mailbox.WaitForAsync(first);
        Assert.Equal($"You are invited to {programme.Name} on the mentoring portal", invitation.Subject);
        Assert.Contains("/account/invitation?id=", invitation.LinkContaining("/account/invitation"), StringComparison.Ordinal);
        var added = await factory.Mailbox.WaitForAsync(existing.Email);
        Assert.Equal($"You were added to {programme.Name}", added.Subject);
        Assert.Equal(1, await factory.Data.OutboxCountAsync(first, invitation.Subject));

        var confirmation = Assert.Single(await factory.Data.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.PeopleImportConfirmed
            && a.ProgrammeId == programme.Id).ToListAsync()));
        Assert.Equal("2 new, 1 already in the portal, 3 rows with errors skipped", confirmation.After);
        Assert.Equal(2, await factory.Data.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.AccountCreatedByImport
            && a.ProgrammeId == programme.Id)));
    }

    [Fact]
    public async Task Progress_WhileAnotherInstanceHoldsTheBatch_ShowsRowsDoneOfTotal_ThenItIsTakenOverWhenItsLeaseEnds()
    {
        var email = Unique.Email("leased");
        using var batch = await PreviewAsync("Leased", $"email,name\n{email},Lee Leased\n");
        var (programme, client, batchUrl, batchId) = (batch.Programme, batch.Client, batch.Url, batch.Id);
        await LeaseAsync(batchId, DateTime.UtcNow.AddHours(1));

        using var confirmed = await Forms.SubmitAsync(client, batchUrl, formAction: batchUrl + "/confirm");
        await RunImportsAsync();

        var page = await Forms.ParseHtmlAsync(await client.GetAsync(new Uri(batchUrl, UriKind.Relative)));
        Assert.Equal($"Importing mentees: {programme.Name}", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("Imported 0 of 1 mentees", page.QuerySelector("[role=status]")?.TextContent);
        Assert.NotNull(page.QuerySelector($"main a[href='{batchUrl}']"));
        Assert.Contains("http-equiv=\"refresh\"", page.Head!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("{\"status\":\"Confirmed\",\"done\":0,\"total\":1,\"finished\":false}",
            await client.GetStringAsync(new Uri(batchUrl + "/progress", UriKind.Relative)));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));

        await LeaseAsync(batchId, DateTime.UtcNow.AddMinutes(-1));
        await RunImportsAsync();

        Assert.Equal(1, await factory.Data.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
        Assert.Equal("{\"status\":\"Finished\",\"done\":1,\"total\":1,\"finished\":true}",
            await client.GetStringAsync(new Uri(batchUrl + "/progress", UriKind.Relative)));
    }

    [Fact]
    public async Task Invitation_SetsThePasswordSignsInAndWorksOnce()
    {
        var (email, link) = await ImportMentorAsync(factory);
        using var client = factory.CreateClientNoRedirect();

        using var weak = await Forms.SubmitAsync(client, link, new Dictionary<string, string> { ["Password"] = "short", ["ConfirmPassword"] = "short" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("Your password must be at least 12 characters long.", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var accepted = await Forms.SubmitAsync(client, link, new Dictionary<string, string>
        {
            ["Password"] = TestData.Password,
            ["ConfirmPassword"] = TestData.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/me", accepted.Headers.Location?.OriginalString);
        using var me = await client.GetAsync(new Uri("/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        using var stranger = factory.CreateClientNoRedirect();
        var used = await stranger.GetStringAsync(new Uri(link, UriKind.Relative));
        Assert.Contains("This invitation has already been used", used, StringComparison.Ordinal);
        using var signedIn = await factory.CreateSignedInClientAsync(email, TestData.Password);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(new Uri("/mentor/availability", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Invitation_AfterFourteenDays_SaysItExpiredAndSendsAFreshLink()
    {
        var clock = new TestClock();
        await using var clocked = await PortalFactory.CreateAsync(new PortalFactoryOptions { Clock = clock });
        var (email, link) = await ImportMentorAsync(clocked);
        clock.Advance(TimeSpan.FromDays(15));
        using var client = clocked.CreateClientNoRedirect();
        var mailbox = clocked.Mailbox.FromNowOn();

        var expired = await Forms.ParseHtmlAsync(await client.GetAsync(new Uri(link, UriKind.Relative)));
        Assert.Equal("This invitation has expired", expired.QuerySelector("h1")?.TextContent);
        using var renewed = await Forms.SubmitAsync(client, link, formAction: "/account/invitation/renew");
        Assert.Contains("We have sent a new invitation link", await renewed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fresh = new Uri((await mailbox.WaitForAsync(email)).LinkContaining("/account/invitation")).PathAndQuery;
        Assert.NotEqual(link, fresh);
        Assert.Contains("This invitation has already been used", await client.GetStringAsync(new Uri(link, UriKind.Relative)), StringComparison.Ordinal);
        using var accepted = await Forms.SubmitAsync(client, fresh, new Dictionary<string, string>
        {
            ["Password"] = TestData.Password,
            ["ConfirmPassword"] = TestData.Password,
        });
        Assert.Equal("/me", accepted.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Invitation_WrongToken_SaysTheLinkDoesNotWork()
    {
        var (_, link) = await ImportMentorAsync(factory);
        using var client = factory.CreateClientNoRedirect();

        var page = await client.GetStringAsync(new Uri(link[..^3] + "abc", UriKind.Relative));

        Assert.Contains("This invitation link does not work", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_AnotherProgramme_IsNotFound()
    {
        var mine = await factory.Data.ProgrammeAsync("Mine");
        var theirs = await factory.Data.ProgrammeAsync("Theirs");
        var admin = await factory.Data.AdministratorAsync(mine);
        var other = await factory.Data.AdministratorAsync(theirs);
        using var client = await factory.Data.SignInAsync(admin);
        using var otherClient = await factory.Data.SignInAsync(other);

        using var upload = await UploadAsync(client, theirs.Id, "Mentees", $"email,name\n{Unique.Email()},Someone\n");
        Assert.Equal(HttpStatusCode.NotFound, upload.StatusCode);

        using var theirUpload = await UploadAsync(otherClient, theirs.Id, "Mentees", $"email,name\n{Unique.Email()},Someone\n");
        var batchUrl = theirUpload.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(batchUrl, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(batchUrl + "/progress", UriKind.Relative))).StatusCode);
        var token = await AntiforgeryTokenAsync(client);
        using var confirm = await client.PostAsync(new Uri(batchUrl + "/confirm", UriKind.Relative),
            new FormUrlEncodedContent([new(Forms.AntiforgeryField, token)]));
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Equal(ImportBatchStatus.Previewed, await factory.Data.QueryAsync(db =>
            db.ImportBatches.Where(b => b.ProgrammeId == theirs.Id).Select(b => b.Status).SingleAsync()));
    }

    [Fact]
    public async Task Discard_APreview_AsksFirst_ThenDeletesTheBatchAndItsRows_AuditsIt_AndSaysSo()
    {
        var email = Unique.Email("discarded");
        using var batch = await PreviewAsync("Discarded", $"email,name\n{email},Dee Discarded\nnot-an-email,Bad Row\n");
        var (programme, client, batchUrl, batchId) = (batch.Programme, batch.Client, batch.Url, batch.Id);

        using var asked = await Forms.SubmitAsync(client, batchUrl, formAction: batchUrl + "/discard");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var question = await Forms.ParseHtmlAsync(asked);
        Assert.Equal("Discard the preview of people.csv?", question.QuerySelector("h1")?.TextContent);
        Assert.Contains("Nothing has been imported.", question.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await RowCountAsync(batchId));

        using var discarded = await Forms.SubmitAsync(client, batchUrl + "/discard");

        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.Equal("/admin/import", discarded.Headers.Location?.OriginalString);
        var index = await Forms.ParseHtmlAsync(await client.GetAsync(new Uri("/admin/import", UriKind.Relative)));
        Assert.Contains("The preview of people.csv was discarded. Nothing was imported.", index.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.Data.QueryAsync(db => db.ImportBatches.AnyAsync(b => b.Id == batchId)));
        Assert.Equal(0, await RowCountAsync(batchId));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(batchUrl, UriKind.Relative))).StatusCode);
        var audit = Assert.Single(await factory.Data.QueryAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.PeopleImportDiscarded
            && a.ProgrammeId == programme.Id).ToListAsync()));
        Assert.Equal(await factory.Data.UserIdAsync(batch.Administrator.Email), audit.ActorUserId);
        Assert.Equal("Mentees from people.csv", audit.Subject);
        Assert.Equal("1 new, 0 already in the portal, 1 rows with errors", audit.Before);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Users.CountAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Discard_AnotherAdministratorsBatch_OrAnotherProgrammes_IsNotFoundAndKept()
    {
        var programme = await factory.Data.ProgrammeAsync("Shared import");
        var elsewhere = await factory.Data.ProgrammeAsync("Elsewhere import");
        var uploader = await factory.Data.AdministratorAsync(programme);
        var colleague = await factory.Data.AdministratorAsync(programme);
        var outsider = await factory.Data.AdministratorAsync(elsewhere);
        using var uploaderClient = await factory.Data.SignInAsync(uploader);
        using var upload = await UploadAsync(uploaderClient, programme.Id, "Mentees", $"email,name\n{Unique.Email()},Someone\n");
        var batchUrl = upload.Headers.Location!.OriginalString;

        foreach (var administrator in new[] { colleague, outsider })
        {
            using var client = await factory.Data.SignInAsync(administrator);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(batchUrl + "/discard", UriKind.Relative))).StatusCode);
            using var post = await client.PostAsync(new Uri(batchUrl + "/discard", UriKind.Relative),
                new FormUrlEncodedContent([new(Forms.AntiforgeryField, await AntiforgeryTokenAsync(client))]));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        using (var colleagueClient = await factory.Data.SignInAsync(colleague))
        {
            var page = await Forms.ParseHtmlAsync(await colleagueClient.GetAsync(new Uri(batchUrl, UriKind.Relative)));
            Assert.NotNull(page.QuerySelector($"form[action='{batchUrl}/confirm']"));
            Assert.Null(page.QuerySelector($"form[action='{batchUrl}/discard']"));
        }

        Assert.Equal(ImportBatchStatus.Previewed, await factory.Data.QueryAsync(db =>
            db.ImportBatches.Where(b => b.ProgrammeId == programme.Id).Select(b => b.Status).SingleAsync()));
        Assert.False(await factory.Data.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PeopleImportDiscarded
            && a.ProgrammeId == programme.Id)));
    }

    [Fact]
    public async Task Discard_OnceConfirmedOrFinished_IsRefusedWithAReason_AndChangesNothing()
    {
        using var batch = await PreviewAsync("Confirmed import", $"email,name\n{Unique.Email()},Con Firmed\n");
        var (programme, client, batchUrl, batchId) = (batch.Programme, batch.Client, batch.Url, batch.Id);
        var question = await Forms.ParseHtmlAsync(await client.GetAsync(new Uri(batchUrl + "/discard", UriKind.Relative)));
        await LeaseAsync(batchId, DateTime.UtcNow.AddHours(1));
        using (var confirmed = await Forms.SubmitAsync(client, batchUrl, formAction: batchUrl + "/confirm"))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }

        using var whileImporting = await Forms.SubmitAsync(client, question, new Uri(factory.Server.BaseAddress, batchUrl + "/discard"));

        Assert.Equal(HttpStatusCode.OK, whileImporting.StatusCode);
        Assert.Equal("The import of people.csv has been confirmed and is under way, so it can no longer be discarded.",
            (await Forms.ParseHtmlAsync(whileImporting)).QuerySelector("[role=alert]")?.TextContent.Trim());
        Assert.Equal(ImportBatchStatus.Confirmed, await factory.Data.QueryAsync(db => db.ImportBatches.Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync()));
        Assert.Equal(1, await RowCountAsync(batchId));
        Assert.Null((await Forms.ParseHtmlAsync(await client.GetAsync(new Uri(batchUrl, UriKind.Relative))))
            .QuerySelector($"form[action='{batchUrl}/discard']"));

        await LeaseAsync(batchId, DateTime.UtcNow.AddMinutes(-1));
        await RunImportsAsync();
        var finished = await Forms.ParseHtmlAsync(await client.GetAsync(new Uri(batchUrl + "/discard", UriKind.Relative)));
        Assert.Equal("The import of people.csv has finished, so there is no preview left to discard.", finished.QuerySelector("[role=alert]")?.TextContent.Trim());
        Assert.Null(finished.QuerySelector($"form[action='{batchUrl}/discard']"));
        using var afterwards = await Forms.SubmitAsync(client, question, new Uri(factory.Server.BaseAddress, batchUrl + "/discard"));
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Equal(ImportBatchStatus.Finished, await factory.Data.QueryAsync(db => db.ImportBatches.Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync()));
        Assert.False(await factory.Data.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.PeopleImportDiscarded
            && a.ProgrammeId == programme.Id)));
    }

    [Fact]
    public async Task Posts_WithoutAntiforgeryToken_AreRefused()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);
        using var upload = await UploadAsync(client, programme.Id, "Mentees", $"email,name\n{Unique.Email()},Someone\n");
        var batchUrl = upload.Headers.Location!.OriginalString;

        using var confirm = await client.PostAsync(new Uri(batchUrl + "/confirm", UriKind.Relative), new FormUrlEncodedContent([]));
        using var discard = await client.PostAsync(new Uri(batchUrl + "/discard", UriKind.Relative), new FormUrlEncodedContent([]));
        using var file = Multipart(programme.Id, "Mentees", "email,name\n", token: null);
        using var tokenless = await client.PostAsync(new Uri("/admin/import", UriKind.Relative), file);

        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, discard.StatusCode);
        Assert.Equal(ImportBatchStatus.Previewed, await factory.Data.QueryAsync(db =>
            db.ImportBatches.Where(b => b.ProgrammeId == programme.Id).Select(b => b.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
    }

    [Fact]
    public async Task Upload_BadFiles_SayWhyBesideTheFieldAndSaveNothing()
    {
        var programme = await factory.Data.ProgrammeAsync();
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);
        var tooLarge = "email,name\n" + new string('x', 5 * 1024 * 1024 + 10) + "\n";

        foreach (var (csv, message) in new[]
        {
            (tooLarge, "The file is larger than 5 MB."),
            ("email,specialty\nsam@nhs.example,Cardiology\n", "The file is missing the columns name, grade, region, background, expertise, bio, capacity, meeting_modes."),
        })
        {
            using var response = await UploadAsync(client, programme.Id, "Mentors", csv);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Forms.ParseHtmlAsync(response);
            Assert.Contains(message, page.QuerySelector("#File-error")?.TextContent, StringComparison.Ordinal);
            Assert.Equal("#File", page.QuerySelector(".error-summary a")?.GetAttribute("href"));
        }

        Assert.Equal(0, await factory.Data.QueryAsync(db => db.ImportBatches.CountAsync(b => b.ProgrammeId == programme.Id)));
    }

    [Fact]
    public async Task Template_ListsTheDocumentedColumns()
    {
        var admin = await factory.Data.AdministratorAsync();
        using var client = await factory.Data.SignInAsync(admin);

        using var response = await client.GetAsync(new Uri("/admin/import/template/mentors.csv", UriKind.Relative));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString((await response.Content.ReadAsByteArrayAsync()).AsSpan(3));
        Assert.StartsWith("email,name,organisation,specialty,grade,region,background,expertise,bio,capacity,meeting_modes,training_completed\r\n",
            text, StringComparison.Ordinal);
    }

    /// <summary>Imports one new mentor into a programme of its own and returns their address and invitation link (path and query).</summary>
    internal static async Task<(string Email, string Link)> ImportMentorAsync(PortalFactory portal)
    {
        var programme = await portal.Data.ProgrammeAsync("Mentors in bulk");
        var admin = await portal.Data.AdministratorAsync(programme);
        using var client = await portal.Data.SignInAsync(admin);
        var email = Unique.Email("mentor");
        var csv = "email,name,specialty,grade,region,background,expertise,bio,capacity,meeting_modes\n"
            + $"{email},Dr Imported Mentor,Cardiology,Consultant,London,International medical graduate,Returning to work,Cardiologist.,2,video\n";
        using var upload = await UploadAsync(client, programme.Id, "Mentors", csv);
        var batchUrl = upload.Headers.Location!.OriginalString;
        using var confirmed = await Forms.SubmitAsync(client, batchUrl, formAction: batchUrl + "/confirm");
        await portal.Services.GetRequiredService<PeopleImportRunner>().RunWaitingAsync(CancellationToken.None);
        var invitation = await portal.Mailbox.WaitForAsync(email);
        return (email, new Uri(invitation.LinkContaining("/account/invitation")).PathAndQuery);
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int programmeId, string kind, string csv)
    {
        using var content = Multipart(programmeId, kind, csv, await AntiforgeryTokenAsync(client));
        return await client.PostAsync(new Uri("/admin/import", UriKind.Relative), content);
    }

    private static MultipartFormDataContent Multipart(int programmeId, string kind, string csv, string? token)
    {
        var content = new MultipartFormDataContent();
        if (token is not null)
        {
            content.Add(new StringContent(token), Forms.AntiforgeryField);
        }

        content.Add(new StringContent(programmeId.ToString(CultureInfo.InvariantCulture)), "ProgrammeId");
        content.Add(new StringContent(kind), "Kind");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "File", "people.csv");
        return content;
    }

    private static async Task<string> AntiforgeryTokenAsync(HttpClient client)
    {
        var page = await Forms.ParseHtmlAsync(await client.GetAsync(new Uri("/admin/import", UriKind.Relative)));
        return page.QuerySelector($"form[action='/admin/import'] input[name='{Forms.AntiforgeryField}']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The import page has no upload form.");
    }

    /// <summary>A programme of its own, its administrator signed in, and a file of mentees they uploaded, previewed.</summary>
    private async Task<PreviewedBatch> PreviewAsync(string programmeName, string csv)
    {
        var programme = await factory.Data.ProgrammeAsync(programmeName);
        var admin = await factory.Data.AdministratorAsync(programme);
        var client = await factory.Data.SignInAsync(admin);
        using var upload = await UploadAsync(client, programme.Id, "Mentees", csv);
        var url = upload.Headers.Location!.OriginalString;
        return new PreviewedBatch(programme, admin, client, url, Guid.Parse(url.Split('/')[^1]));
    }

    /// <summary>As if another instance held the batch until <paramref name="until"/>.</summary>
    private Task<int> LeaseAsync(Guid batchId, DateTime until) => factory.Data.QueryAsync(db => db.ImportBatches.Where(b => b.Id == batchId)
        .ExecuteUpdateAsync(set => set.SetProperty(b => b.LeasedUntil, until).SetProperty(b => b.LeasedBy, "another instance")));

    private Task<int> RowCountAsync(Guid batchId) => factory.Data.QueryAsync(db => db.ImportRows.CountAsync(r => r.BatchId == batchId));

    private Task RunImportsAsync() => factory.Services.GetRequiredService<PeopleImportRunner>().RunWaitingAsync(CancellationToken.None);
}

/// <summary>A batch an administrator uploaded and sees previewed, with their signed-in client.</summary>
internal sealed record PreviewedBatch(TestProgramme Programme, Person Administrator, HttpClient Client, string Url, Guid Id) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
