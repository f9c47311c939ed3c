using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MentoringPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MentoringPortal.Bench;

/// <summary>
/// A PostgreSQL restart under load: the portal runs on a PostgreSQL of the bench's own, signed-in mentees search the
/// directory, open their pairing and plan or move meetings for <c>seconds</c>, and half way through the server is
/// restarted (pg_ctl restart -m fast). Reported: requests, 5xx answers and the window they fell in, and the writes the
/// clients believe succeeded against the meetings and outbox rows in the database.
/// </summary>
internal static class RestartBench
{
    private const int Clients = 8;

    public static async Task RunAsync(int seconds)
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString("postgres")))
        {
            // The app migrates its database as it starts, but does not create it.
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE portal_restart", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var portal = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            ConnectionString = postgres.ConnectionString("portal_restart"),
        });
        portal.StartHost();

        var members = new List<(HttpClient Client, int PairingId, string Token)>();
        for (var i = 0; i < Clients; i++)
        {
            var mentor = await portal.Data.MentorAsync(capacity: 1);
            var mentee = await portal.Data.MenteeAsync();
            var pairingId = await portal.Data.PairAsync(mentee, mentor);
            var client = await portal.Data.SignInAsync(mentee);
            using var me = await client.GetAsync("/me");
            var token = (await Forms.ParseHtmlAsync(me)).QuerySelector($"input[name={Forms.AntiforgeryField}]")!.GetAttribute("value")!;
            members.Add((client, pairingId, token));
        }

        // One plan before the load, to learn how many outbox rows one planned meeting writes.
        var outboxBefore = await portal.Data.QueryAsync(db => db.OutboxMessages.CountAsync());
        using (var first = await PlanAsync(members[0].Client, members[0].PairingId, members[0].Token, 0))
        {
            if (first.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Planning a meeting answered {(int)first.StatusCode}; the bench cannot run.");
            }
        }

        var emailsPerWrite = await portal.Data.QueryAsync(db => db.OutboxMessages.CountAsync()) - outboxBefore;
        var baseline = await Counts(portal);

        var results = new ConcurrentBag<(double At, int Status, string Kind)>();
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        var restartedAt = 0.0;
        var restartTook = 0.0;
        var load = members.Select((member, index) => Task.Run(async () =>
        {
            var n = 0;
            while (clock.Elapsed < end)
            {
                n++;
                var kind = (n % 4) switch
                {
                    0 => "plan",
                    1 => "search",
                    2 => "pairing",
                    _ => "move",
                };
                var status = await SendAsync(member, kind, index * 100_000 + n);
                results.Add((clock.Elapsed.TotalSeconds, status, kind));
            }
        })).ToList();

        await Task.Delay(end / 2);
        restartedAt = clock.Elapsed.TotalSeconds;
        var restart = Stopwatch.StartNew();
        await postgres.RestartAsync();
        restartTook = restart.Elapsed.TotalSeconds;
        await Task.WhenAll(load);

        // Let the outbox dispatcher and any retry settle before counting.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = await Counts(portal);
        var all = results.ToList();
        var errors = all.Where(r => r.Status >= 500 || r.Status == 0).OrderBy(r => r.At).ToList();
        var writesOk = all.Count(r => r.Kind is "plan" or "move" && r.Status == (int)HttpStatusCode.Redirect);
        var plansOk = all.Count(r => r.Kind == "plan" && r.Status == (int)HttpStatusCode.Redirect);
        var plansFailed = all.Count(r => r.Kind == "plan" && r.Status != (int)HttpStatusCode.Redirect);

        Console.WriteLine($"PostgreSQL restart under load: {Clients} clients for {seconds} s, restart at {restartedAt:F1} s (pg_ctl took {restartTook:F1} s)");
        Console.WriteLine($"requests            {all.Count:N0}");
        foreach (var group in all.GroupBy(r => r.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {group.Key,-17} {group.Count(),6:N0}   statuses: {string.Join(", ", group.GroupBy(r => r.Status).OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Count()}"))}");
        }

        Console.WriteLine($"5xx (or no answer)  {errors.Count:N0}" + (errors.Count > 0
            ? $", from {errors[0].At:F2} s to {errors[^1].At:F2} s ({errors[^1].At - errors[0].At:F2} s)"
            : string.Empty));
        Console.WriteLine($"meetings planned    clients saw {plansOk:N0} succeed ({plansFailed:N0} not); the database has {after.Meetings - baseline.Meetings:N0} new");
        Console.WriteLine($"emails              {emailsPerWrite} per write × {writesOk:N0} writes the clients saw succeed = {emailsPerWrite * writesOk:N0}; the outbox has {after.Outbox - baseline.Outbox:N0} new rows");
    }

    private static async Task<int> SendAsync((HttpClient Client, int PairingId, string Token) member, string kind, int n)
    {
        try
        {
            using var response = kind switch
            {
                "plan" => await PlanAsync(member.Client, member.PairingId, member.Token, n),
                "move" => await MoveAsync(member, n),
                "search" => await member.Client.GetAsync($"/mentors?q={(n % 2 == 0 ? "leadership" : "research")}&accepting=true"),
                _ => await member.Client.GetAsync($"/pairings/{member.PairingId}"),
            };
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static Task<HttpResponseMessage> PlanAsync(HttpClient client, int pairingId, string token, int n) =>
        client.PostAsync($"/pairings/{pairingId}/meetings/new", Schedule(token, n));

    /// <summary>Moves the pairing's latest planned meeting, found on the pairing's page (a 200 with no meeting is a 404 here).</summary>
    private static async Task<HttpResponseMessage> MoveAsync((HttpClient Client, int PairingId, string Token) member, int n)
    {
        using var page = await member.Client.GetAsync($"/pairings/{member.PairingId}");
        if (page.StatusCode != HttpStatusCode.OK)
        {
            return new HttpResponseMessage(page.StatusCode);
        }

        var edit = (await Forms.ParseHtmlAsync(page)).QuerySelectorAll("a[href*='/edit']")
            .Select(a => a.GetAttribute("href")).LastOrDefault(h => h is not null && h.Contains("/meetings/", StringComparison.Ordinal));
        return edit is null
            ? new HttpResponseMessage(HttpStatusCode.NotFound)
            : await member.Client.PostAsync(edit, Schedule(member.Token, n));
    }

    private static FormUrlEncodedContent Schedule(string token, int n) => new(new Dictionary<string, string>
    {
        [Forms.AntiforgeryField] = token,
        ["Date"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7 + n % 60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Time"] = $"{9 + n % 8:00}:00",
        ["DurationMinutes"] = "60",
        ["Mode"] = "Video",
        ["Note"] = $"Bench meeting {n}",
    });

    private static Task<(int Meetings, int Outbox)> Counts(PortalFactory portal) => portal.Data.QueryAsync(async db =>
        (await db.Meetings.CountAsync(), await db.OutboxMessages.CountAsync()));
}

/// <summary>A PostgreSQL of the bench's own, on a free loopback port, that it may restart; removed when disposed.</summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private ThrowawayPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    private string Data => Path.Combine(_folder, "data");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Password=postgres;Database={database}";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderBy(d => int.Parse(Path.GetFileName(Path.GetDirectoryName(d))!, CultureInfo.InvariantCulture)).LastOrDefault()
            ?? throw new InvalidOperationException("No PostgreSQL under /usr/lib/postgresql: run ./test.sh once, it installs it.");
        var folder = Directory.CreateTempSubdirectory("portal-bench-pg.").FullName;
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres", folder);
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var postgres = new ThrowawayPostgres(bin, folder, port);
        await postgres.PgAsync("initdb", "-D", postgres.Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await postgres.PgAsync("pg_ctl", "-D", postgres.Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "30",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start");
        return postgres;
    }

    /// <summary>A fast restart: open connections are closed, the server stops and starts again on the same port.</summary>
    public Task RestartAsync() => PgAsync("pg_ctl", "-D", Data, "-m", "fast", "-w", "-t", "30", "restart");

    public async ValueTask DisposeAsync()
    {
        await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        Directory.Delete(_folder, recursive: true);
    }

    private Task PgAsync(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {await output}{await error}");
        }
    }
}
