using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
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

/// <summary>
/// Reads an import file (CSV, UTF-8 with or without a byte-order mark; header names in any case) and writes the templates.
/// </summary>
public static class PeopleCsv
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    public const int MaxRows = 10_000;

    public static PeopleFile ReadFile(Stream file, PeopleKind kind)
    {
        var columns = PeopleImportColumns.For(kind);
        var known = columns.Select(c => c.Header).ToHashSet(StringComparer.Ordinal);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
            BadDataFound = null,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            TrimOptions = TrimOptions.Trim,
        };
        try
        {
            using var reader = new StreamReader(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
                detectEncodingFromByteOrderMarks: true);
            using var csv = new CsvReader(reader, configuration);
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
            {
                return new PeopleFile.Unreadable("The file is empty. Start from the template: its first row names the columns.");
            }

            var headers = header.Select(h => h.Trim().ToLowerInvariant()).ToArray();
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
            while (csv.Read())
            {
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < headers.Length; i++)
                {
                    if (headers[i].Length > 0 && csv.TryGetField<string>(i, out var value) && value is not null)
                    {
                        cells[headers[i]] = value;
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

                // Row numbers as a spreadsheet shows them: the header is row 1.
                rows.Add(new ImportFileRow(csv.Parser.Row, cells));
            }

            return rows.Count == 0
                ? new PeopleFile.Unreadable("The file has a header row but nobody in it.")
                : new PeopleFile.Read(rows);
        }
        catch (DecoderFallbackException)
        {
            return new PeopleFile.Unreadable("The file is not UTF-8 text. In Excel, save it as \"CSV UTF-8 (Comma delimited)\".");
        }
        catch (CsvHelperException)
        {
            return new PeopleFile.Unreadable("The file could not be read as CSV. In Excel, save it as \"CSV UTF-8 (Comma delimited)\".");
        }
    }

    /// <summary>A template with the documented headers and one example row.</summary>
    public static byte[] Template(PeopleKind kind)
    {
        var columns = PeopleImportColumns.For(kind);
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, SafeCsv.Configuration))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Header);
            }

            csv.NextRecord();
            foreach (var column in columns)
            {
                csv.WriteField(column.Example);
            }

            csv.NextRecord();
        }

        return buffer.ToArray();
    }
}
