using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Fills in and posts the app's real forms over HTTP, the way a browser would: the antiforgery token
/// and every field the page already holds are sent, with the test's values on top. Use one HttpClient
/// (cookies kept) for the whole journey.
/// </summary>
/// <example>
/// <code>
/// using var response = await Forms.SubmitAsync(client, "/requests/new", new Dictionary&lt;string, string&gt;
/// {
///     ["Message"] = "Could you help me with public speaking?",
/// });
/// Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
/// </code>
/// </example>
public static class Forms
{
    public const string AntiforgeryField = "__RequestVerificationToken";
    public const string LoginPath = "/account/login";

    /// <summary>
    /// GETs <paramref name="pageUrl"/>, picks a form, merges <paramref name="values"/> over its current
    /// fields and submits it. <paramref name="values"/> maps field names to values (a list of pairs may
    /// repeat a name, for multi-valued fields). The form is the one whose action path is
    /// <paramref name="formAction"/> (query ignored), or number <paramref name="formIndex"/> (from 0);
    /// with neither, the form that posts back to the page itself, else the only form outside the
    /// layout's header, navigation and footer, else the page's only form.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client,
        string pageUrl,
        IEnumerable<KeyValuePair<string, string>>? values = null,
        string? formAction = null,
        int? formIndex = null,
        CancellationToken cancellationToken = default)
    {
        using var page = await client.GetAsync(new Uri(pageUrl, UriKind.RelativeOrAbsolute), cancellationToken);
        if (page.StatusCode != HttpStatusCode.OK)
        {
            var location = page.Headers.Location is { } l ? $" (Location: {l})" : string.Empty;
            throw new InvalidOperationException($"GET {pageUrl} returned {(int)page.StatusCode} {page.StatusCode}{location}, not a page with a form.");
        }

        var document = await ParseHtmlAsync(page, cancellationToken);
        var pageUri = page.RequestMessage?.RequestUri ?? new Uri(client.BaseAddress!, pageUrl);
        return await SubmitAsync(client, document, pageUri, values, formAction, formIndex, cancellationToken);
    }

    /// <summary>Submits a form of a page the test already fetched and parsed.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client,
        IHtmlDocument document,
        Uri pageUri,
        IEnumerable<KeyValuePair<string, string>>? values = null,
        string? formAction = null,
        int? formIndex = null,
        CancellationToken cancellationToken = default)
    {
        var form = FindForm(document, pageUri, formAction, formIndex);
        var fields = Merge(CurrentValues(form), values ?? []);
        var action = new Uri(pageUri, string.IsNullOrWhiteSpace(form.GetAttribute("action")) ? pageUri.PathAndQuery : form.GetAttribute("action")!);
        var method = (form.GetAttribute("method") ?? "get").Trim().ToUpperInvariant();
        if (method == "POST" && !fields.Any(f => f.Key == AntiforgeryField))
        {
            // The app validates antiforgery tokens on every POST: without one the post can only fail with 400.
            throw new InvalidOperationException(
                $"The form on {pageUri} posting to {action.AbsolutePath} has no {AntiforgeryField} field. Razor adds it to post forms "
                + "without an action attribute, or with asp-action/asp-controller, or with asp-antiforgery=\"true\"; "
                + "a plain action=\"...\" attribute turns it off.");
        }

        if (method == "POST")
        {
            using var content = new FormUrlEncodedContent(fields);
            return await client.PostAsync(action, content, cancellationToken);
        }

        using var encoded = new FormUrlEncodedContent(fields);
        var query = await encoded.ReadAsStringAsync(cancellationToken);
        var target = new UriBuilder(action) { Query = query }.Uri;
        return await client.GetAsync(target, cancellationToken);
    }

    /// <summary>Signs in through the login form; fails with the page's error messages if the login is refused.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password, CancellationToken cancellationToken = default)
    {
        var response = await SubmitAsync(client, LoginPath, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Email"] = email,
            ["Password"] = password,
        }, cancellationToken: cancellationToken);

        var finalPath = response.RequestMessage?.RequestUri?.AbsolutePath ?? string.Empty;
        var redirectedToLogin = response.Headers.Location is { } location
            && new Uri(new Uri("http://localhost"), location).AbsolutePath.StartsWith(LoginPath, StringComparison.OrdinalIgnoreCase);
        var stillOnLogin = response.IsSuccessStatusCode && finalPath.StartsWith(LoginPath, StringComparison.OrdinalIgnoreCase);
        if (!redirectedToLogin && !stillOnLogin && (int)response.StatusCode is >= 200 and < 400)
        {
            return response;
        }

        using (response)
        {
            var errors = string.Empty;
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var document = await ParseHtmlAsync(response, cancellationToken);
                var messages = document.QuerySelectorAll(".error-summary li, .validation-summary-errors li, .field-validation-error").ToList();
                if (messages.Count == 0)
                {
                    messages = document.QuerySelectorAll("[role=alert]").ToList();
                }

                errors = string.Join(" | ", messages.Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));
            }

            throw new InvalidOperationException(
                $"Signing in as {email} failed: {(int)response.StatusCode} {response.StatusCode}"
                + (response.Headers.Location is { } l ? $" to {l}" : string.Empty)
                + (errors.Length > 0 ? $". The page says: {errors}" : "."));
        }
    }

    /// <summary>Parses an HTML response.</summary>
    public static async Task<IHtmlDocument> ParseHtmlAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        return ParseHtml(html);
    }

    public static IHtmlDocument ParseHtml(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The values a browser would submit for this form as it stands (without a submit button).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> CurrentValues(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            if (element.HasAttribute("disabled") || element.Closest("fieldset[disabled]") is not null)
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    var type = (input.Type ?? "text").ToLowerInvariant();
                    if (type is "submit" or "button" or "image" or "reset" or "file")
                    {
                        continue;
                    }

                    if (type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            fields.Add(KeyValuePair.Create(input.Name!, input.GetAttribute("value") ?? "on"));
                        }

                        continue;
                    }

                    fields.Add(KeyValuePair.Create(input.Name!, input.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                    fields.Add(KeyValuePair.Create(textArea.Name!, textArea.Value ?? string.Empty));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var options = select.Options.Where(o => !o.IsDisabled).ToList();
                    var selected = options.Where(o => o.IsSelected).ToList();
                    if (selected.Count == 0 && !select.IsMultiple && options.Count > 0)
                    {
                        selected.Add(options[0]);
                    }

                    fields.AddRange(selected.Select(o => KeyValuePair.Create(select.Name!, o.Value ?? o.Text)));
                    break;
            }
        }

        return fields;
    }

    /// <summary>The form's fields with each name the test gives replaced by the test's value(s).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Merge(
        IEnumerable<KeyValuePair<string, string>> current, IEnumerable<KeyValuePair<string, string>> overrides)
    {
        var replacements = overrides.ToList();
        var replaced = replacements.Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
        return current.Where(f => !replaced.Contains(f.Key)).Concat(replacements).ToList();
    }

    private static IHtmlFormElement FindForm(IHtmlDocument document, Uri pageUri, string? formAction, int? formIndex)
    {
        var forms = document.Forms.ToList();
        string Describe() => forms.Count == 0
            ? "The page has no form."
            : "Its forms post to: " + string.Join(", ", forms.Select((f, i) => $"[{i}] {f.GetAttribute("action") ?? "(the page itself)"}"));

        if (formIndex is { } index)
        {
            return index >= 0 && index < forms.Count
                ? forms[index]
                : throw new InvalidOperationException($"{pageUri} has no form number {index}. {Describe()}");
        }

        if (formAction is not null)
        {
            var wanted = new Uri(pageUri, formAction).AbsolutePath;
            return forms.Find(f => string.Equals(ActionPath(f, pageUri), wanted, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"{pageUri} has no form posting to {formAction}. {Describe()}");
        }

        var ownForms = forms.Where(f => string.Equals(ActionPath(f, pageUri), pageUri.AbsolutePath, StringComparison.OrdinalIgnoreCase)).ToList();
        if (ownForms.Count == 1)
        {
            return ownForms[0];
        }

        // Forms in the page's header, navigation or footer (sign out) belong to the layout, not to the page.
        var pageForms = forms.Where(f => f.Closest("header, nav, footer") is null).ToList();
        if (pageForms.Count == 1)
        {
            return pageForms[0];
        }

        return forms.Count == 1
            ? forms[0]
            : throw new InvalidOperationException($"{pageUri}: say which form to submit (formAction or formIndex). {Describe()}");
    }

    private static string ActionPath(IHtmlFormElement form, Uri pageUri)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrWhiteSpace(action) ? pageUri.AbsolutePath : new Uri(pageUri, action).AbsolutePath;
    }
}
