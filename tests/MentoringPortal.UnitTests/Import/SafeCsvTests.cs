using System.Text;
using MentoringPortal.Web.Features.Admin;

namespace MentoringPortal.UnitTests.Import;

public sealed class SafeCsvTests
{
    private sealed record Cell(string Value);

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+44 7700 900123", "\"'+44 7700 900123\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tcmd", "\"'\tcmd\"")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("Dr Ana Lee", "Dr Ana Lee")]
    [InlineData("Lee, Ana", "\"Lee, Ana\"")]
    [InlineData("a-b=c", "a-b=c")]
    public void Write_CellThatASpreadsheetWouldRun_IsPrefixedWithAQuoteAndQuoted(string value, string written)
    {
        var text = Text(SafeCsv.Write([new Cell(value)]));

        Assert.Equal($"Value\r\n{written}\r\n", text);
    }

    [Fact]
    public void Write_StartsWithAByteOrderMarkForExcel()
    {
        var bytes = SafeCsv.Write([new Cell("Zoë")]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3).ToArray());
        Assert.Equal("Value\r\nZoë\r\n", Text(bytes));
    }

    [Fact]
    public void FileName_HasTheDate() =>
        Assert.Equal("people-2026-12-05.csv", SafeCsv.FileName("people", new DateTime(2026, 12, 5, 23, 0, 0, DateTimeKind.Utc)));

    private static string Text(byte[] bytes) => new UTF8Encoding(false).GetString(bytes.AsSpan(3));
}
