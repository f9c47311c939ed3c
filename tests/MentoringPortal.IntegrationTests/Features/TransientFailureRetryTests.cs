using System.Data.Common;
using System.Net;
using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>A transient database failure inside a unit of work retries the whole unit, which then writes once.</summary>
public sealed class TransientFailureRetryTests
{
    [Fact]
    public async Task Register_CommitFailsOnceWithASerializationFailure_TheWholeUnitRunsAgainAndWritesOnce()
    {
        var lostCommit = new FailFirstCommitOf("INSERT INTO \"AspNetUsers\"");
        await using var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            ConfigureServices = services => services.AddSingleton<IInterceptor>(lostCommit),
        });
        var email = Unique.Email("retried");
        lostCommit.Arm();

        using var client = factory.CreateClientNoRedirect();
        using var response = await Forms.SubmitAsync(client, "/account/register", new Dictionary<string, string>
        {
            ["DisplayName"] = "Rita Retried",
            ["Email"] = email,
            ["Password"] = "a long enough passphrase 42",
            ["ConfirmPassword"] = "a long enough passphrase 42",
            ["AcceptsConfidentialityLimits"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Check your email", (await Forms.ParseHtmlAsync(response)).QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(1, lostCommit.Failures);
        var (accounts, mentees, emails) = await factory.Data.QueryAsync(async db =>
        {
            var userIds = await db.Users.Where(u => u.Email == email).Select(u => u.Id).ToListAsync();
            return (userIds.Count,
                await db.Mentees.CountAsync(m => m.UserId != null && userIds.Contains(m.UserId)),
                await db.OutboxMessages.CountAsync(m => m.To == email));
        });
        Assert.Equal(1, accounts);
        Assert.Equal(1, mentees);
        Assert.Equal(1, emails);
        var confirmation = await factory.Mailbox.WaitForAsync(email);
        Assert.Contains("/account/confirm-email", confirmation.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_CommitFailsOnceWithASerializationFailure_PasswordAuditAndEmailAreWrittenOnceTogether()
    {
        var lostCommit = new FailFirstCommitOf("INSERT INTO \"AuditEntries\"");
        await using var factory = await PortalFactory.CreateAsync(new PortalFactoryOptions
        {
            ConfigureServices = services => services.AddSingleton<IInterceptor>(lostCommit),
        });
        var mentee = await factory.Data.MenteeAsync();
        using var client = await factory.Data.SignInAsync(mentee);
        const string newPassword = "lanterns over the quiet river";

        lostCommit.Arm();
        using var response = await Forms.SubmitAsync(client, "/account/change-password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = TestData.Password,
            ["NewPassword"] = newPassword,
            ["ConfirmNewPassword"] = newPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, lostCommit.Failures);
        var (audited, emailed) = await factory.Data.QueryAsync(async db => (
            await db.AuditEntries.CountAsync(a => a.Subject == mentee.Email && a.Action == AuditActions.PasswordChanged),
            await db.OutboxMessages.CountAsync(m => m.To == mentee.Email && m.Subject.Contains("password has been changed"))));
        Assert.Equal(1, audited);
        Assert.Equal(1, emailed);
        using var again = await factory.CreateSignedInClientAsync(mentee.Email, newPassword);
    }

    /// <summary>
    /// The commit of the first transaction, once armed, that runs a command containing the marker fails as PostgreSQL
    /// reports a serialization failure (40001, transient): nothing of the attempt is kept, and the execution strategy may
    /// run it again.
    /// </summary>
    private sealed class FailFirstCommitOf(string marker) : DbCommandInterceptor, IDbTransactionInterceptor
    {
        private DbTransaction? _target;
        private int _failures;
        private int _armed;

        public int Failures => Volatile.Read(ref _failures);

        /// <summary>From now on: the test sets its data up through the same database first.</summary>
        public void Arm() => Volatile.Write(ref _armed, 1);
        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Remember(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Remember(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (ReferenceEquals(transaction, Volatile.Read(ref _target)) && Interlocked.CompareExchange(ref _failures, 1, 0) == 0)
            {
                throw new PostgresException("could not serialize access due to concurrent update (a test)", "ERROR", "ERROR",
                    PostgresErrorCodes.SerializationFailure);
            }

            return ValueTask.FromResult(result);
        }

        private void Remember(DbCommand command)
        {
            if (command.Transaction is not null && Failures == 0 && Volatile.Read(ref _armed) == 1
                && command.CommandText.Contains(marker, StringComparison.Ordinal))
            {
                Volatile.Write(ref _target, command.Transaction);
            }
        }
    }
}
