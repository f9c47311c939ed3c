using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace MentoringPortal.Web.Features.Admin;

/// <summary>
/// The one way the portal writes CSV files for administrators: RFC 4180 (CsvHelper), UTF-8 with a byte-order mark so Excel
/// reads names as written, and no formula injection: a cell that starts with =, +, -, @, a tab or a carriage return is
/// prefixed with a single quote, so a spreadsheet shows it as text instead of running it.
/// </summary>
public static class SafeCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
    };

    public static byte[] Write<T>(IEnumerable<T> records)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, Configuration))
        {
            csv.WriteRecords(records);
        }

        return buffer.ToArray();
    }

    /// <summary>A file name with the date it was made, such as <c>people-2026-12-05.csv</c>.</summary>
    public static string FileName(string what, DateTime now) =>
        $"{what}-{now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
}
