using System.Globalization;
using System.Net;
using MentoringPortal.Web.Email.Templates.Shared;
using MentoringPortal.Web.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;

namespace MentoringPortal.Web.Email;

/// <summary>The model of one email; <typeparamref name="TTemplate"/> is the Razor template that says it.</summary>
#pragma warning disable CA1040 // The marker ties a model to its template, so PortalEmails names only the model.
public interface IEmailModel<TTemplate>
    where TTemplate : IComponent;
#pragma warning restore CA1040

/// <summary>An email ready for the outbox: its subject, plain text and HTML, all from one template and one model.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html)
{
    /// <summary>Where the email's main action points (a portal path or a full address), for a digest's line; null when it has none.</summary>
    public string? Link { get; init; }
}

/// <summary>
/// Renders an email template (Email/Templates) twice with the framework's <see cref="HtmlRenderer"/>:
/// once as HTML, and once in text mode, where the shared parts write plain text instead of elements.
/// </summary>
/// <remarks>
/// Emails are added inside a unit of work that callers write synchronously, so rendering is synchronous:
/// each render gets its own renderer, whose dispatcher is then free and runs the work inline, and templates
/// do nothing asynchronous. The culture is pinned for the render, so "@Model.Date" reads the same on any thread.
/// </remarks>
public sealed class EmailRenderer(IServiceProvider services, ILoggerFactory loggers, IOptions<PortalOptions> portal)
{
    public RenderedEmail Render<TTemplate>(string recipientName, IEmailModel<TTemplate> model)
        where TTemplate : IComponent
    {
        ArgumentNullException.ThrowIfNull(model);
        var htmlContext = new EmailContext(EmailFormat.Html, recipientName, portal.Value.BaseUrl);
        var html = RenderAs(typeof(TTemplate), model, htmlContext);
        var text = RenderAs(typeof(TTemplate), model, new EmailContext(EmailFormat.Text, recipientName, portal.Value.BaseUrl));
        var (subject, body) = EmailText.Finish(text);
        return new RenderedEmail(subject, body, html) { Link = htmlContext.MainLink };
    }

    private string RenderAs(Type template, object model, EmailContext context)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = PortalCulture.Value;
        CultureInfo.CurrentUICulture = PortalCulture.Value;
        try
        {
            using var renderer = new HtmlRenderer(services, loggers);
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(EmailFrame.Template)] = template,
                [nameof(EmailFrame.Model)] = model,
                [nameof(EmailFrame.Context)] = context,
            });
            var rendering = renderer.Dispatcher.InvokeAsync(() =>
            {
                var root = renderer.BeginRenderingComponent<EmailFrame>(parameters);
                return root.QuiescenceTask.IsCompleted
                    ? root.ToHtmlString()
                    : throw new InvalidOperationException($"The email template {template.Name} did something asynchronous; email templates must render at once.");
            });
            if (!rendering.IsCompleted)
            {
                throw new InvalidOperationException($"The email template {template.Name} did not render at once.");
            }

            return rendering.GetAwaiter().GetResult();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}

public enum EmailFormat
{
    Html,
    Text,
}

/// <summary>What the shared parts of every template read while one email is rendered: the format, who it is to, the portal's address.</summary>
public sealed class EmailContext(EmailFormat format, string recipientName, string baseUrl)
{
    public EmailFormat Format { get; } = format;

    public bool IsText => Format == EmailFormat.Text;

    public string RecipientName { get; } = recipientName;

    /// <summary>The first <see cref="Templates.Shared.EmailAction"/>'s address as the template wrote it.</summary>
    public string? MainLink { get; private set; }

    public void NoteAction(string href) => MainLink ??= href;

    /// <summary>A path in the portal ("/me") made absolute; a full address is kept as it is.</summary>
    public string Url(string href)
    {
        ArgumentNullException.ThrowIfNull(href);
        return href.StartsWith('/') ? baseUrl.TrimEnd('/') + href : href;
    }
}

/// <summary>
/// The plain-text alternative: in text mode the shared parts write only text and these separators,
/// the renderer encodes it like any text, and <see cref="Finish"/> decodes it once and lays it out.
/// </summary>
public static class EmailText
{
    public const string SubjectEnd = "\u001D";
    public const string BlockEnd = "\u001E";
    public const string LineEnd = "\u001F";

    public static (string Subject, string Body) Finish(string rendered)
    {
        var text = WebUtility.HtmlDecode(rendered);
        var subjectEnd = text.IndexOf(SubjectEnd, StringComparison.Ordinal);
        if (subjectEnd < 0)
        {
            throw new InvalidOperationException("The email template has no subject: put its content in <EmailLayout>.");
        }

        var blocks = text[(subjectEnd + 1)..].Split(BlockEnd)
            .Select(block => string.Join('\n', block.Split(LineEnd).Select(Tidy).Where(line => line.Length > 0)))
            .Where(block => block.Length > 0);
        return (Tidy(text[..subjectEnd]), string.Join("\n\n", blocks) + "\n");
    }

    // A sentence wrapped over several lines of a template reads as one line.
    private static string Tidy(string line) =>
        string.Join(' ', line.Split('\n').Select(part => part.Trim()).Where(part => part.Length > 0));
}
