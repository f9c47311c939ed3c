using System.Globalization;
using MentoringPortal.Web.Data;

namespace MentoringPortal.Web.Features.Admin.Import;

/// <summary>What reading an uploaded file came to: its rows, or why the file as a whole cannot be read.</summary>
public abstract record PeopleFile
{
    private PeopleFile()
    {
    }

    public sealed record Read(IReadOnlyList<ImportFileRow> Rows) : PeopleFile;

    public sealed record Unreadable(string Reason) : PeopleFile;
}

/// <summary>One line of an import file as it was read: its number as a spreadsheet shows it, and its cells in order.</summary>
public sealed record RawRow(int Number, IReadOnlyList<string> Cells);

/// <summary>
/// Reads an import file: an Excel workbook (.xlsx, its first sheet) or CSV (UTF-8 with or without a byte-order mark), told
/// apart by their first bytes, not by the name. Either way the first row names the columns, in any order and any case.
/// </summary>
public static class PeopleFiles
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public const int MaxRows = 10_000;

    private static readonly byte[] ZipStart = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OldExcelStart = [0xD0, 0xCF, 0x11, 0xE0];

    public static PeopleFile ReadFile(Stream file, PeopleKind kind)
    {
        using var buffered = new MemoryStream();
        file.CopyTo(buffered);
        var start = buffered.GetBuffer().AsSpan(0, (int)Math.Min(4, buffered.Length));
        buffered.Position = 0;
        if (start.SequenceEqual(OldExcelStart))
        {
            return new PeopleFile.Unreadable("This is an old Excel file (.xls). In Excel, save it as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8 (Comma delimited)\".");
        }

        return start.SequenceEqual(ZipStart) ? PeopleSpreadsheet.ReadFile(buffered, kind) : PeopleCsv.ReadFile(buffered, kind);
    }

    /// <summary>Checks the header row against the kind's columns, then keeps the rows that are not empty.</summary>
    public static PeopleFile FromRows(IEnumerable<RawRow> lines, PeopleKind kind)
    {
        var columns = PeopleImportColumns.For(kind);
        var known = columns.Select(c => c.Header).ToHashSet(StringComparer.Ordinal);
        using var line = lines.GetEnumerator();
        if (!line.MoveNext() || line.Current.Cells.All(string.IsNullOrWhiteSpace))
        {
            return new PeopleFile.Unreadable("The file is empty. Start from the template: its first row names the columns.");
        }

        var headers = line.Current.Cells.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var unknown = headers.Where(h => h.Length > 0 && !known.Contains(h)).ToList();
        if (unknown.Count > 0)
        {
            return new PeopleFile.Unreadable(
                $"The file has columns the portal does not know: {string.Join(", ", unknown)}. The columns are: {string.Join(", ", known)}.");
        }

        var missing = columns.Where(c => c.Required && !headers.Contains(c.Header, StringComparer.Ordinal)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            var what = missing.Count == 1 ? $"has no {missing[0]} column" : $"is missing the columns {string.Join(", ", missing)}";
            return new PeopleFile.Unreadable($"The file {what}. Start from the template: its first row names the columns.");
        }

        var twice = headers.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            return new PeopleFile.Unreadable($"The file has the column {string.Join(", ", twice)} more than once.");
        }

        var rows = new List<ImportFileRow>();
        while (line.MoveNext())
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Length && i < line.Current.Cells.Count; i++)
            {
                if (headers[i].Length > 0)
                {
                    cells[headers[i]] = line.Current.Cells[i].Trim();
                }
            }

            if (cells.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (rows.Count == MaxRows)
            {
                return new PeopleFile.Unreadable(
                    $"The file has more than {MaxRows.ToString("N0", CultureInfo.InvariantCulture)} people. Split it into smaller files and import them one after another.");
            }

            rows.Add(new ImportFileRow(line.Current.Number, cells));
        }

        return rows.Count == 0
            ? new PeopleFile.Unreadable("The file has a header row but nobody in it.")
            : new PeopleFile.Read(rows);
    }
}
