using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Features.Admin.Import;
using Microsoft.AspNetCore.Identity;

namespace MentoringPortal.UnitTests.Import;

/// <summary>Excel workbooks as import files: cells read as typed, dates as ISO dates, told apart from CSV by their bytes.</summary>
public sealed class PeopleSpreadsheetTests
{
    [Fact]
    public void Workbook_AsExcelSavesIt_ReadsSharedStringsNumbersDatesAndGaps_WithSpreadsheetRowNumbers()
    {
        var bytes = ExcelWorkbook(
            (1, [Shared("Email"), Shared("NAME"), Shared("Specialty"), Shared("grade"), Shared("region"), Shared("background"), Shared("expertise"),
                Shared("bio"), Shared("capacity"), Shared("meeting_modes"), Shared("training_completed")]),
            (3, [Shared("a.patel@nhs.example"), Inline("Dr Asha Patel"), Shared("Cardiology"), Shared("Consultant"), Shared("London"),
                Shared("International medical graduate"), Shared("Exams"), Shared("Cardiologist."), Number("2"), Shared("video"), Date(46112)]),
            (4, [Shared("b.jones@nhs.example"), Shared("Ben Jones")]));

        var file = Assert.IsType<PeopleFile.Read>(PeopleFiles.ReadFile(new MemoryStream(bytes), PeopleKind.Mentors));

        Assert.Equal([3, 4], file.Rows.Select(r => r.Number));
        var asha = file.Rows[0].Cells;
        Assert.Equal("Dr Asha Patel", asha["name"]);
        Assert.Equal("2", asha["capacity"]);
        Assert.Equal("2026-03-31", asha["training_completed"]);
        Assert.True(PeopleImportRules.Check(PeopleKind.Mentors, file.Rows[0], new UpperInvariantLookupNormalizer(), new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc)).IsValid);
        Assert.Equal("Ben Jones", file.Rows[1].Cells["name"]);
        Assert.False(file.Rows[1].Cells.ContainsKey("bio"));
    }

    [Fact]
    public void Workbook_CellsSkippedInARow_KeepTheirColumns()
    {
        var bytes = ExcelWorkbook(
            (1, [Shared("email"), Shared("name"), Shared("organisation")]),
            (2, [Shared("c@nhs.example"), ("C", Shared("Only organisation").Value, Shared("").Type)]));

        var file = Assert.IsType<PeopleFile.Read>(PeopleFiles.ReadFile(new MemoryStream(bytes), PeopleKind.Mentees));

        var cells = Assert.Single(file.Rows).Cells;
        Assert.Equal("c@nhs.example", cells["email"]);
        Assert.Equal(string.Empty, cells["name"]);
        Assert.Equal("Only organisation", cells["organisation"]);
    }

    [Theory]
    [InlineData(PeopleKind.Mentors)]
    [InlineData(PeopleKind.Mentees)]
    public void Template_ReadsBackAsOneValidRow(PeopleKind kind)
    {
        var file = Assert.IsType<PeopleFile.Read>(PeopleFiles.ReadFile(new MemoryStream(PeopleSpreadsheet.Template(kind)), kind));

        var row = PeopleImportRules.Check(kind, Assert.Single(file.Rows), new UpperInvariantLookupNormalizer(), new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc));
        Assert.True(row.IsValid, string.Join(" ", row.Errors));
    }

    [Fact]
    public void Workbook_OverTheRowLimit_IsRefusedWithTheLimit()
    {
        var rows = new List<IReadOnlyList<string>> { new[] { "email", "name" } };
        rows.AddRange(Enumerable.Range(0, PeopleFiles.MaxRows + 1).Select(i => (IReadOnlyList<string>)[$"p{i}@nhs.example", $"Person {i}"]));

        var file = Assert.IsType<PeopleFile.Unreadable>(PeopleFiles.ReadFile(new MemoryStream(PeopleSpreadsheet.Write(rows)), PeopleKind.Mentees));

        Assert.StartsWith("The file has more than 10,000 people.", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OldExcelFile_SaysHowToSaveIt()
    {
        byte[] xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var file = Assert.IsType<PeopleFile.Unreadable>(PeopleFiles.ReadFile(new MemoryStream(xls), PeopleKind.Mentees));

        Assert.StartsWith("This is an old Excel file (.xls).", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipThatIsNotAWorkbook_IsRefused()
    {
        var file = Assert.IsType<PeopleFile.Unreadable>(PeopleFiles.ReadFile(new MemoryStream(Zip(("notes.txt", 100))), PeopleKind.Mentees));

        Assert.StartsWith("The file could not be read as an Excel workbook.", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkbookThatUnpacksTooLarge_IsRefusedBeforeReading()
    {
        var file = Assert.IsType<PeopleFile.Unreadable>(PeopleFiles.ReadFile(new MemoryStream(Zip(("xl/worksheets/sheet1.xml", 70 * 1024 * 1024))), PeopleKind.Mentees));

        Assert.StartsWith("The workbook is too large once unpacked.", file.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_IsStillReadAsCsv()
    {
        var file = Assert.IsType<PeopleFile.Read>(PeopleFiles.ReadFile(new MemoryStream(Encoding.UTF8.GetBytes("Email,Name\n d@nhs.example , Dee \n")), PeopleKind.Mentees));

        Assert.Equal(("d@nhs.example", "Dee"), (file.Rows[0].Cells["email"], file.Rows[0].Cells["name"]));
    }

    private static (string? Column, string Value, CellValues? Type) Shared(string text) => (null, text, CellValues.SharedString);

    private static (string? Column, string Value, CellValues? Type) Inline(string text) => (null, text, CellValues.InlineString);

    private static (string? Column, string Value, CellValues? Type) Number(string value) => (null, value, null);

    /// <summary>An Excel date: a day number shown with the built-in date format (style 1 below, number format 14).</summary>
    private static (string? Column, string Value, CellValues? Type) Date(int serial) => (null, serial.ToString(System.Globalization.CultureInfo.InvariantCulture), CellValues.Date);

    /// <summary>A workbook laid out as Excel saves one: a shared string table, a style sheet, cell references, rows numbered.</summary>
    private static byte[] ExcelWorkbook(params (uint Row, (string? Column, string Value, CellValues? Type)[] Cells)[] rows)
    {
        using var buffer = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = workbook.AddWorkbookPart();
            var strings = new List<string>();
            var data = new SheetData();
            foreach (var (number, cells) in rows)
            {
                var row = new Row { RowIndex = number };
                for (var i = 0; i < cells.Length; i++)
                {
                    var (column, value, type) = cells[i];
                    var cell = new Cell { CellReference = $"{column ?? ((char)('A' + i)).ToString()}{number}" };
                    if (type == CellValues.SharedString)
                    {
                        strings.Add(value);
                        cell.DataType = CellValues.SharedString;
                        cell.CellValue = new CellValue(strings.Count - 1);
                    }
                    else if (type == CellValues.InlineString)
                    {
                        cell.DataType = CellValues.InlineString;
                        cell.InlineString = new InlineString(new Text(value));
                    }
                    else
                    {
                        // Excel stores dates as numbers; only the style says it is a date.
                        cell.CellValue = new CellValue(value);
                        cell.StyleIndex = type == CellValues.Date ? 1u : null;
                    }

                    row.AppendChild(cell);
                }

                data.AppendChild(row);
            }

            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
            stringsPart.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat { NumberFormatId = 0 }, new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            sheetPart.Worksheet = new Worksheet(data);
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "Mentors" }));
        }

        return buffer.ToArray();
    }

    private static byte[] Zip(params (string Name, int Bytes)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create))
        {
            foreach (var (name, size) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                entry.Write(new byte[size]);
            }
        }

        return buffer.ToArray();
    }
}
