using System.Globalization;
using System.Net;
using System.Text;
using MentoringPortal.Domain.Mentors;

namespace MentoringPortal.DirectoryReference;

/// <summary>A plain, hand-built HTML page: the count, the page's cards (with the portal's class names) and the page number.</summary>
public static class ReferenceHtml
{
    public static string Render(ReferencePage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var html = new StringBuilder(6_000);
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Find a mentor</title></head><body><main>")
            .Append("<h1>Find a mentor</h1><h2 id=\"results-title\">")
            .Append(page.Total.ToString("N0", CultureInfo.InvariantCulture)).Append(page.Total == 1 ? " mentor" : " mentors").Append(" found</h2>")
            .Append("<ul class=\"results\">");
        foreach (var mentor in page.Mentors)
        {
            html.Append("<li class=\"result\"><h3><a href=\"/mentors/").Append(mentor.Id.ToString(CultureInfo.InvariantCulture)).Append("\">")
                .Append(WebUtility.HtmlEncode(mentor.Name)).Append("</a></h3><p class=\"meta\">")
                .Append(WebUtility.HtmlEncode(mentor.Grade)).Append(", ").Append(WebUtility.HtmlEncode(mentor.Specialty)).Append(" · ")
                .Append(WebUtility.HtmlEncode(mentor.Region)).Append("</p><p class=\"badge\">").Append(Words(mentor)).Append("</p></li>");
        }

        return html.Append("</ul><p>Page ").Append(page.Page.ToString(CultureInfo.InvariantCulture)).Append(" of ")
            .Append(page.PageCount.ToString(CultureInfo.InvariantCulture)).Append("</p></main></body></html>").ToString();
    }

    /// <summary>The availability badge's words, as the portal's directory card has them.</summary>
    private static string Words(ReferenceCard mentor) => mentor.Availability switch
    {
        MentorAvailability.Accepting => $"Accepting mentees: {mentor.FreePlaces} {(mentor.FreePlaces == 1 ? "place" : "places")} free",
        MentorAvailability.Full => "Full: not taking new mentees",
        MentorAvailability.Paused => $"Paused until {mentor.PausedUntil?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}",
        _ => "Not accepting new mentees",
    };
}
