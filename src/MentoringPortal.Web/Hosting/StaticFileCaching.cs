namespace MentoringPortal.Web.Hosting;

/// <summary>
/// How long browsers keep the static files. A link written with <c>asp-append-version</c> changes when the
/// file changes, so that copy may be kept for a year; icons and the manifest are linked by a fixed name, so
/// they are kept for a day and a new icon reaches people the day after a release.
/// </summary>
public static class StaticFileCaching
{
    public static StaticFileOptions Options { get; } = new()
    {
        OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = CacheControlFor(context.Context.Request),
    };

    public static string CacheControlFor(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query.ContainsKey("v")
            ? "public, max-age=31536000, immutable"
            : "public, max-age=86400";
    }
}
