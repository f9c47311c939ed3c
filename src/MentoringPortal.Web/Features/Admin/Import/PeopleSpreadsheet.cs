using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MentoringPortal.Web.Data;

namespace MentoringPortal.Web.Features.Admin.Import;

/// <summary>
/// Reads the first sheet of an Excel workbook (.xlsx) as an import file with the Open XML SDK, streaming its rows so that
/// reading stops at the row limit. Cells become the text the person typed: dates as 2026-03-31, numbers as written.
/// </summary>
public static partial class PeopleSpreadsheet
{
    /// <summary>Refused above this many bytes unpacked: a small upload must not unpack into gigabytes.</summary>
    private const long MaxUnpackedBytes = 64 * 1024 * 1024;

    private const string Unreadable = "The file could not be read as an Excel workbook. In Excel, save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8 (Comma delimited)\".";

    public static PeopleFile ReadFile(Stream file, PeopleKind kind)
    {
        try
        {
            if (UnpackedBytes(file) > MaxUnpackedBytes)
            {
                return new PeopleFile.Unreadable("The workbook is too large once unpacked. Split it into smaller files, or save it as CSV.");
            }

            file.Position = 0;
            using var workbook = SpreadsheetDocument.Open(file, isEditable: false);
            return FirstSheet(workbook) is { } sheet
                ? PeopleFiles.FromRows(Rows(workbook.WorkbookPart!, sheet), kind)
                : new PeopleFile.Unreadable(Unreadable);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or InvalidOperationException)
        {
            return new PeopleFile.Unreadable(Unreadable);
        }
    }

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook with the documented headers and one example row, every cell text (so nothing is ever a formula).</summary>
    public static byte[] Template(PeopleKind kind)
    {
        var columns = PeopleImportColumns.For(kind);
        return Write([[.. columns.Select(c => c.Header)], [.. columns.Select(c => c.Example)]]);
    }

    /// <summary>A one-sheet workbook of text cells.</summary>
    public static byte[] Write(IEnumerable<IReadOnlyList<string>> rows)
    {
        using var buffer = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = workbook.AddWorkbookPart();
            var sheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var row in rows)
            {
                data.AppendChild(new Row(row.Select(text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) })));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbookPart.Workbook = new Workbook(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(sheetPart), SheetId = 1, Name = "People" }));
        }

        return buffer.ToArray();
    }

    private static long UnpackedBytes(Stream file)
    {
        using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        return zip.Entries.Sum(e => e.Length);
    }

    private static WorksheetPart? FirstSheet(SpreadsheetDocument workbook) =>
        workbook.WorkbookPart?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() is { Id.Value: { } id }
            ? workbook.WorkbookPart.GetPartById(id) as WorksheetPart
            : null;

    private static IEnumerable<RawRow> Rows(WorkbookPart workbook, WorksheetPart sheet)
    {
        var sharedStrings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
        using var reader = OpenXmlReader.Create(sheet);
        var number = 0;
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                var row = (Row)reader.LoadCurrentElement()!;
                number = row.RowIndex?.Value is { } index ? (int)index : number + 1;
                yield return new RawRow(number, Cells(row, sharedStrings, dateStyles));
            }
        }
    }

    private static List<string> Cells(Row row, string[] sharedStrings, HashSet<uint> dateStyles)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            while (cells.Count < column)
            {
                cells.Add(string.Empty);
            }

            cells.Add(Text(cell, sharedStrings, dateStyles));
        }

        return cells;
    }

    private static string Text(Cell cell, string[] sharedStrings, HashSet<uint> dateStyles)
    {
        var value = cell.CellValue?.Text ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sharedStrings.Length
                ? sharedStrings[index]
                : string.Empty;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        if (type == CellValues.Boolean)
        {
            return value == "1" ? "TRUE" : "FALSE";
        }

        if (type == CellValues.Error)
        {
            return string.Empty;
        }

        var isDate = cell.StyleIndex?.Value is { } style && dateStyles.Contains(style);
        return isDate && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466
            ? DateTime.FromOADate(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value;
    }

    /// <summary>"C7" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var letter in reference.TakeWhile(char.IsAsciiLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(letter) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>The cell styles whose number format shows a date (Excel's built-in date formats, or a custom one with days or years).</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var customDates = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateFormat(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        var dateStyles = new HashSet<uint>();
        var index = 0u;
        foreach (var format in styles?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && (id is >= 14 and <= 22 or >= 45 and <= 47 || customDates.Contains(id)))
            {
                dateStyles.Add(index);
            }

            index++;
        }

        return dateStyles;
    }

    private static bool IsDateFormat(string? code)
    {
        if (code is null)
        {
            return false;
        }

        // Quoted text and [colour] or [$-locale] sections say nothing about dates.
        var bare = NotAboutDates().Replace(code, string.Empty);
        return bare.Contains('d', StringComparison.OrdinalIgnoreCase) || bare.Contains('y', StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("\"[^\"]*\"|\\[[^\\]]*\\]", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex NotAboutDates();
}
