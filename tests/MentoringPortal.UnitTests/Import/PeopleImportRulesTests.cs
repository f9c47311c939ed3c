using System.Text;
using MentoringPortal.Domain;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Admin.Import;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.UnitTests.Import;

public sealed class PeopleImportRulesTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);
    private static readonly UpperInvariantLookupNormalizer Normalizer = new();

    [Fact]
    public void Check_GoodMentorRow_GivesThePersonWithTheListsOwnSpelling()
    {
        var row = Check(PeopleKind.Mentors, Mentor(("specialty", "CARDIOLOGY"), ("meeting_modes", "Face to face; video"), ("training_completed", "31/03/2026")));

        Assert.True(row.IsValid, string.Join(" ", row.Errors));
        var person = Assert.IsType<ImportedPerson>(row.Person);
        Assert.Equal("Cardiology", person.Specialty);
        Assert.Equal(MeetingModes.FaceToFace | MeetingModes.Video, person.MeetingModes);
        Assert.Equal(new DateOnly(2026, 3, 31), person.TrainingCompleted);
        Assert.Equal(2, person.Capacity);
        Assert.Equal("ANA@NHS.EXAMPLE", row.NormalizedEmail);
    }

    [Theory]
    [InlineData("email", "not-an-email", "\"not-an-email\" is not an email address.")]
    [InlineData("email", "Sam <sam@nhs.example>", "\"Sam <sam@nhs.example>\" is not an email address.")]
    [InlineData("email", "sam@localhost", "\"sam@localhost\" is not an email address.")]
    [InlineData("email", "sam@@nhs.example", "\"sam@@nhs.example\" is not an email address.")]
    [InlineData("email", "", "The email address is missing.")]
    [InlineData("name", " ", "The name is missing.")]
    [InlineData("specialty", "Cardio", "Unknown specialty \"Cardio\"")]
    [InlineData("region", "Mars", "Unknown region \"Mars\"")]
    [InlineData("capacity", "11", "The capacity \"11\" is not a whole number from 1 to 10.")]
    [InlineData("capacity", "two", "The capacity \"two\" is not a whole number from 1 to 10.")]
    [InlineData("meeting_modes", "carrier pigeon", "Unknown way of meeting \"carrier pigeon\"")]
    [InlineData("training_completed", "next week", "The training date \"next week\" is not a date")]
    [InlineData("training_completed", "2027-01-01", "The date completed cannot be in the future.")]
    [InlineData("bio", "", "The bio is missing.")]
    public void Check_BadMentorCell_GivesTheReason(string column, string value, string reason)
    {
        var row = Check(PeopleKind.Mentors, Mentor((column, value)));

        Assert.False(row.IsValid);
        Assert.Null(row.Person);
        Assert.Contains(row.Errors, e => e.StartsWith(reason, StringComparison.Ordinal) || e.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_MenteeWithPartOfTheProfile_AsksForAllOrNone()
    {
        var row = Check(PeopleKind.Mentees, Cells(("email", "sam@nhs.example"), ("name", "Sam"), ("grade", "Core trainee")));

        Assert.Equal("Give specialty, grade, region and background together, or leave all four empty for the mentee to fill in.", Assert.Single(row.Errors));
    }

    [Fact]
    public void Check_MenteeWithOnlyEmailNameAndGoal_IsValid()
    {
        var row = Check(PeopleKind.Mentees, Cells(("email", "sam@nhs.example"), ("name", "Sam"), ("goal_short_term", "Feel confident on call")));

        Assert.True(row.IsValid, string.Join(" ", row.Errors));
        Assert.Null(row.Person!.MenteeProfile());
        Assert.Equal("Feel confident on call", Assert.Single(row.Person.Goals()).Goal);
    }

    [Fact]
    public void Check_GoalTooLong_IsRefusedByTheDomainsOwnRule()
    {
        var row = Check(PeopleKind.Mentees, Cells(("email", "sam@nhs.example"), ("name", "Sam"), ("goal_long_term", new string('x', 1001))));

        Assert.Equal("Keep the goal to 1000 characters or fewer.", Assert.Single(row.Errors));
    }

    [Fact]
    public void CheckAll_SameEmailTwiceInAnyCase_RefusesTheSecondRow()
    {
        var rows = PeopleImportRules.CheckAll(PeopleKind.Mentees,
            [
                new ImportFileRow(2, new Dictionary<string, string> { ["email"] = "sam@nhs.example", ["name"] = "Sam" }),
                new ImportFileRow(3, new Dictionary<string, string> { ["email"] = "SAM@NHS.example", ["name"] = "Sam again" }),
            ], Normalizer, Now);

        Assert.True(rows[0].IsValid);
        Assert.Equal("The same email address is already in row 2 of this file.", Assert.Single(rows[1].Errors));
    }

    private static CheckedRow Check(PeopleKind kind, IReadOnlyDictionary<string, string> cells) =>
        PeopleImportRules.Check(kind, new ImportFileRow(2, cells), Normalizer, Now);

    private static Dictionary<string, string> Cells(params (string Column, string Value)[] cells) =>
        cells.ToDictionary(c => c.Column, c => c.Value, StringComparer.Ordinal);

    private static Dictionary<string, string> Mentor(params (string Column, string Value)[] changes)
    {
        var cells = Cells(("email", "ana@nhs.example"), ("name", "Dr Ana Lee"), ("specialty", "Cardiology"), ("grade", "Consultant"),
            ("region", "London"), ("background", "International medical graduate"), ("expertise", "Returning to work"),
            ("bio", "Cardiologist."), ("capacity", "2"), ("meeting_modes", "video"));
        foreach (var (column, value) in changes)
        {
            cells[column] = value;
        }

        return cells;
    }
}

public sealed class PeopleCsvTests
{
    [Fact]
    public void ReadFile_WithByteOrderMarkAndHeadersInAnyCase_ReadsRowsNumberedAsASpreadsheet()
    {
        var file = Read("\uFEFFEmail, NAME ,Goal_Short_Term\r\nsam@nhs.example,Sam,\"Confident, on call\"\r\n\r\nann@nhs.example,Ann,\r\n", withBom: false);

        var read = Assert.IsType<PeopleFile.Read>(file);
        Assert.Equal(2, read.Rows.Count);
        Assert.Equal(2, read.Rows[0].Number);
        Assert.Equal("Confident, on call", read.Rows[0].Cells["goal_short_term"]);
        Assert.Equal("ann@nhs.example", read.Rows[1].Cells["email"]);
    }

    [Fact]
    public void ReadFile_WithoutARequiredColumn_SaysWhich()
    {
        var file = Assert.IsType<PeopleFile.Unreadable>(Read("email,specialty\nsam@nhs.example,Cardiology\n"));

        Assert.Equal("The file has no name column. Start from the template: its first row names the columns.", file.Reason);
    }

    [Fact]
    public void ReadFile_WithAnUnknownColumn_NamesIt()
    {
        var file = Assert.IsType<PeopleFile.Unreadable>(Read("email,name,speciality\nsam@nhs.example,Sam,Cardiology\n"));

        Assert.StartsWith("The file has columns the portal does not know: speciality.", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_NotUtf8_SaysHowToSaveIt()
    {
        var bytes = Encoding.Latin1.GetBytes("email,name\nzoe@nhs.example,Zoë\n");

        var file = Assert.IsType<PeopleFile.Unreadable>(PeopleCsv.ReadFile(new MemoryStream(bytes), PeopleKind.Mentees));

        Assert.StartsWith("The file is not UTF-8 text.", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_OverTheRowLimit_IsRefusedWithTheLimit()
    {
        var text = new StringBuilder("email,name\n");
        for (var i = 0; i <= PeopleFiles.MaxRows; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"p{i}@nhs.example,Person {i}\n");
        }

        var file = Assert.IsType<PeopleFile.Unreadable>(Read(text.ToString()));

        Assert.StartsWith("The file has more than 10,000 people.", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_HeaderOnly_SaysNobodyIsInIt()
    {
        Assert.Equal("The file has a header row but nobody in it.", Assert.IsType<PeopleFile.Unreadable>(Read("email,name\n")).Reason);
    }

    [Theory]
    [InlineData(PeopleKind.Mentors)]
    [InlineData(PeopleKind.Mentees)]
    public void Template_ReadsBackAsOneValidRow(PeopleKind kind)
    {
        var file = Assert.IsType<PeopleFile.Read>(PeopleCsv.ReadFile(new MemoryStream(PeopleCsv.Template(kind)), kind));

        var row = PeopleImportRules.Check(kind, Assert.Single(file.Rows), new UpperInvariantLookupNormalizer(),
            new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc));
        Assert.True(row.IsValid, string.Join(" ", row.Errors));
    }

    private static PeopleFile Read(string text, bool withBom = true) =>
        PeopleCsv.ReadFile(new MemoryStream(new UTF8Encoding(withBom).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()), PeopleKind.Mentees);
}
