using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using MentoringPortal.Web.Data;

namespace MentoringPortal.Web.Features.Admin.Import;

/// <summary>Reads a CSV import file and writes the templates.</summary>
public static class PeopleCsv
{
    public static PeopleFile ReadFile(Stream file, PeopleKind kind)
    {
        try
        {
            using var reader = new StreamReader(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
                detectEncodingFromByteOrderMarks: true);
            using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
            return PeopleFiles.FromRows(Lines(csv), kind);
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

    // Row numbers as a spreadsheet shows them: the header is row 1.
    private static IEnumerable<RawRow> Lines(CsvParser csv)
    {
        while (csv.Read())
        {
            yield return new RawRow(csv.Row, csv.Record ?? []);
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
