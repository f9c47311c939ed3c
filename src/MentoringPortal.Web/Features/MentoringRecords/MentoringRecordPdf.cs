using MentoringPortal.Web.Features.Pairings;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace MentoringPortal.Web.Features.MentoringRecords;

/// <summary>The issued record as an A4 PDF whose text can be selected and searched: the same sections as the page.</summary>
public static class MentoringRecordPdf
{
    public static byte[] Render(MentoringRecordViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var issued = model.Issued ?? throw new ArgumentException("Only an issued record is made into a PDF.", nameof(model));
        EmbeddedFontResolver.EnsureRegistered();
        var activity = model.Activity;
        var record = model.Record;

        using var document = new PdfDocument();
        document.Info.Title = $"Mentoring record: {activity.MentorName}";
        document.Info.Author = "Mentoring portal";
        document.Info.Subject = record.Period.Label;
        using (var page = new PageWriter(document))
        {
            page.Title("Mentoring record for appraisal");
            page.Facts(
                ("Mentor", activity.MentorName),
                ("Programmes", activity.Programmes.Count == 0 ? "None" : string.Join(", ", activity.Programmes)),
                ("Period", record.Period.Label),
                ("Issued", issued.IssuedAt));

            page.Heading("Training");
            if (activity.Training.Count == 0)
            {
                page.Paragraph("No training has been recorded.");
            }
            else
            {
                page.Table([("Course", 250), ("Completed", 120), ("Expires", 125)],
                    activity.Training.Select(t => new[] { t.Course, UkTime.Date(t.CompletedOn), t.ExpiresOn is { } e ? UkTime.Date(e) : "Does not expire" }));
            }

            page.Heading("Pairings");
            if (record.Pairings.Count == 0)
            {
                page.Paragraph("No pairing was active in this period.");
            }
            else
            {
                page.Table([("Mentee", 85), ("Programme", 125), ("Months", 125), ("Meetings held", 60), ("Hours", 100)],
                    record.Pairings.Select(p => new[] { p.Mentee, p.Programme, p.Months, p.MeetingsHeld.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Hours }));
            }

            page.Heading("Totals");
            page.Facts(
                ("Pairings", record.Totals.Pairings.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Meetings held", record.Totals.MeetingsHeld.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Hours of meetings", record.Totals.Hours));

            page.Heading("Verification");
            page.Facts(("Verification code", issued.Code), ("Verify at", issued.VerifyUrl), ("Date issued", issued.IssuedAt));
            page.Paragraph("Mentees are named only when they agreed to it. The verification page shows the mentor, the period and the totals.");
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Writes top to bottom, starting a new page when the next block would not fit.</summary>
    private sealed class PageWriter : IDisposable
    {
        private const double Margin = 50;
        private const double Gap = 4;

        private readonly PdfDocument _document;
        private readonly XFont _text = new(EmbeddedFontResolver.Family, 10, XFontStyleEx.Regular);
        private readonly XFont _bold = new(EmbeddedFontResolver.Family, 10, XFontStyleEx.Bold);
        private readonly XFont _heading = new(EmbeddedFontResolver.Family, 14, XFontStyleEx.Bold);
        private readonly XFont _title = new(EmbeddedFontResolver.Family, 18, XFontStyleEx.Bold);
        private PdfPage _page = null!;
        private XGraphics _graphics = null!;
        private double _y;

        public PageWriter(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        private double Width => _page.Width.Point - (2 * Margin);

        private double Bottom => _page.Height.Point - Margin;

        public void Title(string text) => Block([text], _title, Margin, Width, 12);

        public void Heading(string text)
        {
            _y += 10;
            Block([text], _heading, Margin, Width, 6, keepWithNext: 40);
        }

        public void Paragraph(string text) => Block(Wrap(text, _text, Width), _text, Margin, Width, 6);

        public void Facts(params (string Label, string Value)[] facts)
        {
            foreach (var (label, value) in facts)
            {
                var lines = Wrap(value, _text, Width - 130);
                Room(lines.Count * LineHeight(_text));
                _graphics.DrawString(label, _bold, XBrushes.Black, new XPoint(Margin, _y + _bold.GetHeight()));
                Block(lines, _text, Margin + 130, Width - 130, Gap);
            }

            _y += 6;
        }

        public void Table(IReadOnlyList<(string Header, double Width)> columns, IEnumerable<string[]> rows)
        {
            Row(columns.Select(c => c.Header).ToArray(), columns, _bold);
            _graphics.DrawLine(XPens.Black, Margin, _y, Margin + columns.Sum(c => c.Width), _y);
            _y += Gap;
            foreach (var row in rows)
            {
                Row(row, columns, _text);
            }

            _y += 6;
        }

        public void Dispose() => _graphics.Dispose();

        private void Row(string[] cells, IReadOnlyList<(string Header, double Width)> columns, XFont font)
        {
            var wrapped = cells.Select((cell, i) => Wrap(cell, font, columns[i].Width - 6)).ToList();
            var height = wrapped.Max(w => w.Count) * LineHeight(font);
            Room(height);
            var x = Margin;
            for (var i = 0; i < columns.Count; i++)
            {
                var y = _y;
                foreach (var line in wrapped[i])
                {
                    _graphics.DrawString(line, font, XBrushes.Black, new XPoint(x, y + font.GetHeight()));
                    y += LineHeight(font);
                }

                x += columns[i].Width;
            }

            _y += height + Gap;
        }

        private void Block(List<string> lines, XFont font, double x, double width, double after, double keepWithNext = 0)
        {
            Room((lines.Count * LineHeight(font)) + keepWithNext);
            foreach (var line in lines)
            {
                _graphics.DrawString(line, font, XBrushes.Black, new XRect(x, _y, width, LineHeight(font)), XStringFormats.TopLeft);
                _y += LineHeight(font);
            }

            _y += after;
        }

        private void Room(double height)
        {
            if (_y + height > Bottom)
            {
                _graphics.Dispose();
                NewPage();
            }
        }

        private void NewPage()
        {
            _page = _document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private static double LineHeight(XFont font) => font.GetHeight() * 1.15;

        /// <summary>Splits text into lines that fit the width, at spaces (a word longer than the width is cut).</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var line = string.Empty;
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (line.Length > 0 && _graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }

                while (_graphics.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && _graphics.MeasureString(line[..cut], font).Width > width)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
            return lines;
        }
    }
}
