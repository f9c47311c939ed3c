using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Features.Admin.Import;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>People in bulk from an Excel workbook: the same preview as a CSV, and Excel templates.</summary>
public sealed class PeopleImportWorkbookTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Workbook_IsPreviewedLikeACsv_WithRowNumbersAndErrors_AndNothingSaved()
    {
        var programme = await factory.Data.ProgrammeAsync("From Excel");
        var admin = await factory.Data.AdministratorAsync(programme);
        using var client = await factory.Data.SignInAsync(admin);
        var newcomer = Unique.Email("excel");
        var workbook = PeopleSpreadsheet.Write(
        [
            ["Email", "Name", "Specialty", "Grade", "Region", "Background"],
            [newcomer, "Ezra Excel", "Paediatrics", "Core trainee", "London", "Returned after parental leave"],
            ["not-an-email", "Nadia", "", "", "", ""],
        ]);

        using var upload = await UploadAsync(client, programme.Id, workbook, "people.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var preview = await Forms.ParseHtmlAsync(await client.GetAsync(upload.Headers.Location));
        var text = preview.QuerySelector("main")!.TextContent;
        Assert.Contains("New people (1)", text, StringComparison.Ordinal);
        Assert.Contains("Rows with errors (1)", text, StringComparison.Ordinal);
        Assert.Contains("Ezra Excel", text, StringComparison.Ordinal);
        var error = preview.QuerySelector("#error-rows + table tbody tr")!;
        Assert.Equal(("3", "\"not-an-email\" is not an email address."), (error.Children[0].TextContent, error.Children[3].TextContent));
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.Users.CountAsync(u => u.Email == newcomer)));
    }

    [Fact]
    public async Task OldExcelFile_IsRefusedBesideTheField_SayingHowToSaveIt()
    {
        var programme = await factory.Data.ProgrammeAsync();
        using var client = await factory.Data.SignInAsync(await factory.Data.AdministratorAsync(programme));

        using var response = await UploadAsync(client, programme.Id, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "people.xls");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseHtmlAsync(response);
        Assert.Contains("This is an old Excel file (.xls).", page.QuerySelector("#File-error")?.TextContent ?? page.QuerySelector(".error-summary")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(0, await factory.Data.QueryAsync(db => db.ImportBatches.CountAsync(b => b.ProgrammeId == programme.Id)));
    }

    [Theory]
    [InlineData("mentors")]
    [InlineData("mentees")]
    public async Task ExcelTemplate_IsAWorkbookThatReadsBackAsTheDocumentedColumns(string kind)
    {
        using var client = await factory.Data.SignInAsync(await factory.Data.AdministratorAsync(await factory.Data.ProgrammeAsync()));

        using var response = await client.GetAsync(new Uri($"/admin/import/template/{kind}.xlsx", UriKind.Relative));

        Assert.Equal(PeopleSpreadsheet.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{kind}-template.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var peopleKind = kind == "mentors" ? Web.Data.PeopleKind.Mentors : Web.Data.PeopleKind.Mentees;
        var file = Assert.IsType<PeopleFile.Read>(PeopleFiles.ReadFile(await response.Content.ReadAsStreamAsync(), peopleKind));
        Assert.Equal(PeopleImportColumns.For(peopleKind).Select(c => c.Header).Order(), Assert.Single(file.Rows).Cells.Keys.Order());
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int programmeId, byte[] bytes, string fileName)
    {
        var page = await Forms.ParseHtmlAsync(await client.GetAsync(new Uri("/admin/import", UriKind.Relative)));
        var token = page.QuerySelector($"form[action='/admin/import'] input[name='{Forms.AntiforgeryField}']")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), Forms.AntiforgeryField },
            { new StringContent(programmeId.ToString(CultureInfo.InvariantCulture)), "ProgrammeId" },
            { new StringContent("Mentees"), "Kind" },
        };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(PeopleSpreadsheet.ContentType);
        content.Add(file, "File", fileName);
        return await client.PostAsync(new Uri("/admin/import", UriKind.Relative), content);
    }
}
