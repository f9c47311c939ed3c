using Microsoft.AspNetCore.ResponseCompression;

namespace MentoringPortal.Web.Hosting;

/// <summary>
/// How the static files are served. A link written with <c>asp-append-version</c> changes when the file
/// changes, so that copy may be kept for a year; icons and the manifest are linked by a fixed name, so they
/// are kept for a day and a new icon reaches people the day after a release. Only the static files are
/// compressed: they hold no secret, whereas compressing pages that carry an antiforgery token next to text
/// a visitor can choose would open them to BREACH.
/// </summary>
public static class StaticFileCaching
{
    private static readonly string[] CompressedFolders = ["/css", "/js", "/lib", "/icons"];

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

    public static IServiceCollection AddPortalStaticFileCompression(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/manifest+json"]);
        });

    public static IApplicationBuilder UsePortalStaticFiles(this IApplicationBuilder app) =>
        app.UseWhen(
                context => CompressedFolders.Any(folder => context.Request.Path.StartsWithSegments(folder, StringComparison.OrdinalIgnoreCase))
                    || context.Request.Path.Equals("/manifest.webmanifest", StringComparison.OrdinalIgnoreCase),
                branch => branch.UseResponseCompression())
            .UseStaticFiles(Options);
}
