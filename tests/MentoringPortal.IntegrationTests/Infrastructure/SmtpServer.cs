using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MentoringPortal.IntegrationTests.Infrastructure;

/// <summary>
/// A test's own SMTP server (aiosmtpd) on a free loopback port with its own maildir, which the test
/// can stop and start again: "SMTP is down, the request is saved, the email arrives once it is back".
/// Pass it to the app with <c>new PortalFactoryOptions { Smtp = server }</c>.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable, IDisposable
{
    // Debian's interpreter: the python3 on PATH may be a pyenv shim without Debian's modules.
    private const string Python = "/usr/bin/python3";

    // "python3 -m aiosmtpd ARGS", plus a watchdog: the server exits when its stdin closes, that is when
    // the test process ends, even if it crashed before disposing the server.
    private const string Launcher = """
        import os, sys, threading
        def watch():
            sys.stdin.buffer.read()
            os._exit(0)
        threading.Thread(target=watch, daemon=True).start()
        from aiosmtpd.main import main
        main(sys.argv[1:])
        """;
    // The same through aiosmtpd's Controller, for what its command line cannot do: TLS from the first byte
    // (implicit TLS, as on port 465) when a certificate and key are given, and refusals chosen by the
    // recipient's address: "refused…" is answered 550 (for good), "busy…" 451 (try later).
    private const string ControllerLauncher = """
        import os, ssl, sys
        from aiosmtpd.controller import Controller
        from aiosmtpd.handlers import Mailbox
        class Refusing(Mailbox):
            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.startswith('refused'):
                    return '550 5.1.1 <' + address + '>: no such mailbox'
                if address.startswith('busy'):
                    return '451 4.3.0 mailbox busy, try again later'
                envelope.rcpt_tos.append(address)
                return '250 OK'
        host, port, maildir = sys.argv[1:4]
        context = None
        if len(sys.argv) > 5:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(sys.argv[4], sys.argv[5])
        controller = Controller(Refusing(maildir), hostname=host, port=int(port), ssl_context=context)
        controller.start()
        sys.stdin.buffer.read()
        os._exit(0)
        """;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly StringBuilder _output = new();
    private Process? _process;
    private bool _disposed;

    private readonly bool _controller;
    private readonly (string Certificate, string Key)? _tlsFiles;

    private SmtpServer(int port, string mailDirectory, bool controller, (string Certificate, string Key)? tlsFiles)
    {
        Port = port;
        MailDirectory = mailDirectory;
        Mailbox = new Mailbox(mailDirectory);
        _controller = controller;
        _tlsFiles = tlsFiles;
    }

    public int Port { get; }

    public string MailDirectory { get; }

    /// <summary>Everything this server received.</summary>
    public Mailbox Mailbox { get; }

    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _process is { HasExited: false };
            }
        }
    }

    /// <summary>Starts a server on a free port and waits until it accepts connections.</summary>
    public static Task<SmtpServer> StartNewAsync(CancellationToken cancellationToken = default) => StartNewAsync(false, null, cancellationToken);

    /// <summary>
    /// Starts a server that refuses some recipients: an address starting with "refused" gets 550 (refused
    /// for good), one starting with "busy" gets 451 (try later); other mail is stored as usual.
    /// </summary>
    public static Task<SmtpServer> StartNewRefusingAsync(CancellationToken cancellationToken = default) => StartNewAsync(true, null, cancellationToken);

    /// <summary>
    /// Starts a server that speaks TLS from the first byte (implicit TLS, "SMTPS", as on port 465) with
    /// <paramref name="certificate"/>, which must hold an exportable ECDSA private key.
    /// </summary>
    public static Task<SmtpServer> StartNewWithImplicitTlsAsync(X509Certificate2 certificate, CancellationToken cancellationToken = default) =>
        StartNewAsync(true, certificate, cancellationToken);

    private static async Task<SmtpServer> StartNewAsync(bool controller, X509Certificate2? certificate, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), "portal-smtp-" + Guid.NewGuid().ToString("N")[..12]);
        foreach (var folder in new[] { "new", "cur", "tmp" })
        {
            // aiosmtpd only creates the maildir structure when the folder itself does not exist yet.
            Directory.CreateDirectory(Path.Combine(directory, folder));
        }

        (string, string)? tlsFiles = null;
        if (certificate is not null)
        {
            // Beside the maildir (not in it: the maildir holds messages only), removed with it.
            var certificateFile = Path.Combine(directory, "tmp", "server.crt");
            var keyFile = Path.Combine(directory, "tmp", "server.key");
            await File.WriteAllTextAsync(certificateFile, certificate.ExportCertificatePem(), cancellationToken);
            using var key = certificate.GetECDsaPrivateKey()
                ?? throw new ArgumentException("The certificate needs an ECDSA private key.", nameof(certificate));
            await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem(), cancellationToken);
            tlsFiles = (certificateFile, keyFile);
        }

        var server = new SmtpServer(FreePort(), directory, controller, tlsFiles);
        try
        {
            await server.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server (again) on the same port and maildir; waits until it accepts connections.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Process process;
        lock (_lock)
        {
            if (_process is { HasExited: false })
            {
                return;
            }

            _process?.Dispose();
            process = new Process
            {
                StartInfo = new ProcessStartInfo(Python, _controller
                    ? ["-c", ControllerLauncher, "127.0.0.1", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), MailDirectory,
                        .. _tlsFiles is { } tls ? new[] { tls.Certificate, tls.Key } : []]
                    : ["-c", Launcher, "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MailDirectory])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    RedirectStandardInput = true,
                    UseShellExecute = false,
                },
            };
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            if (!process.Start())
            {
                throw new InvalidOperationException($"Could not start {Python} (aiosmtpd).");
            }

            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
        }

        var deadline = Stopwatch.StartNew();
        while (!await AcceptsConnectionsAsync(Port, cancellationToken))
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd did not start on 127.0.0.1:{Port} (is python3-aiosmtpd installed? ./test.sh installs it). Output:\n{Output()}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Stops the server; from now on connections to <see cref="Port"/> are refused.</summary>
    public async Task StopAsync()
    {
        Process? process;
        lock (_lock)
        {
            process = _process;
        }

        if (process is null || process.HasExited)
        {
            return;
        }

        process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>What aiosmtpd printed, for failure messages.</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await StopAsync();
        }
        finally
        {
            _process?.Dispose();
            TryDeleteDirectory();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process?.Dispose();
            TryDeleteDirectory();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private void TryDeleteDirectory()
    {
        try
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in the temp directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
