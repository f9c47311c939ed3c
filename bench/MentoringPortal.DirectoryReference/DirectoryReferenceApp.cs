using Npgsql;

namespace MentoringPortal.DirectoryReference;

/// <summary>
/// The raw reference for the directory load benchmark: GET /mentors with the portal's query string, answered by one
/// batch of hand-written SQL over an <see cref="NpgsqlDataSource"/> and a hand-built HTML list. No EF Core, no MVC,
/// no Razor, no middleware beyond routing. ConnectionStrings:Portal names the portal's (seeded) PostgreSQL database.
/// </summary>
public static class DirectoryReferenceApp
{
    public static WebApplication Create(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Set ConnectionStrings:Portal (e.g. ConnectionStrings__Portal=\"Host=…;Database=…\") to the seeded PostgreSQL database.");
        }

        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReferenceDirectory>();

        var app = builder.Build();
        app.MapGet("/mentors", async (HttpContext http, ReferenceDirectory directory, CancellationToken cancellationToken) =>
        {
            var page = await directory.SearchAsync(ReferenceQuery.From(http.Request.Query), cancellationToken);
            return Results.Content(ReferenceHtml.Render(page), "text/html; charset=utf-8");
        });
        return app;
    }
}
