using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace MentoringPortal.Web.Email;

public sealed record EmailLink(string Text, string Url);

/// <summary>What an email says, before it is laid out as plain text and HTML.</summary>
public sealed record EmailContent(
    string Subject,
    string Greeting,
    IReadOnlyList<string> Paragraphs,
    EmailLink? Action = null,
    IReadOnlyList<string>? Bullets = null,
    IReadOnlyList<string>? ClosingParagraphs = null);

/// <summary>Lays out every portal email the same way: plain text and an HTML alternative, all text encoded.</summary>
public static class EmailLayout
{
    private const string Signature = "The mentoring scheme team";

    public static string Text(EmailContent content)
    {
        var text = new StringBuilder();
        text.Append(content.Greeting).Append("\n\n");
        foreach (var paragraph in content.Paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        foreach (var bullet in content.Bullets ?? [])
        {
            text.Append("- ").Append(bullet).Append('\n');
        }

        if (content.Bullets is { Count: > 0 })
        {
            text.Append('\n');
        }

        if (content.Action is not null)
        {
            text.Append(content.Action.Text).Append(": ").Append(content.Action.Url).Append("\n\n");
        }

        foreach (var paragraph in content.ClosingParagraphs ?? [])
        {
            text.Append(paragraph).Append("\n\n");
        }

        text.Append(Signature).Append('\n');
        return text.ToString();
    }

    public static string Html(EmailContent content)
    {
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(encoder.Encode(content.Subject))
            .Append("</title></head><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1b1b1b\">");
        html.Append("<p>").Append(encoder.Encode(content.Greeting)).Append("</p>");
        foreach (var paragraph in content.Paragraphs)
        {
            html.Append("<p>").Append(encoder.Encode(paragraph)).Append("</p>");
        }

        if (content.Bullets is { Count: > 0 })
        {
            html.Append("<ul>");
            foreach (var bullet in content.Bullets)
            {
                html.Append("<li>").Append(encoder.Encode(bullet)).Append("</li>");
            }

            html.Append("</ul>");
        }

        if (content.Action is not null)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<p><a href=\"{encoder.Encode(content.Action.Url)}\" style=\"color:#0b4f9c;font-weight:bold\">{encoder.Encode(content.Action.Text)}</a></p>");
        }

        foreach (var paragraph in content.ClosingParagraphs ?? [])
        {
            html.Append("<p>").Append(encoder.Encode(paragraph)).Append("</p>");
        }

        html.Append("<p>").Append(encoder.Encode(Signature)).Append("</p></body></html>");
        return html.ToString();
    }
}
