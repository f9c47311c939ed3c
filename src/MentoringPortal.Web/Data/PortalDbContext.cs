using MentoringPortal.Domain.Agreements;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Notifications;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Privacy;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Records;
using MentoringPortal.Domain.Requests;
using MentoringPortal.Web.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MentoringPortal.Web.Data;

/// <summary>
/// The one model of the portal. Each database provider has a thin subclass only so that it can
/// keep its own set of migrations (see docs/decisions/ADR-014-three-database-providers.md).
/// It also keeps the data-protection keys, so every instance on the database shares them.
/// </summary>
public abstract class PortalDbContext : IdentityDbContext<PortalUser, IdentityRole, string, IdentityUserClaim<string>, IdentityUserRole<string>,
    IdentityUserLogin<string>, IdentityRoleClaim<string>, IdentityUserToken<string>, IdentityUserPasskey<string>>, IDataProtectionKeyContext
{
    protected PortalDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<Mentor> Mentors => Set<Mentor>();

    public DbSet<Mentee> Mentees => Set<Mentee>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<ContactRequest> ContactRequests => Set<ContactRequest>();

    public DbSet<Pairing> Pairings => Set<Pairing>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<MeetingNote> MeetingNotes => Set<MeetingNote>();

    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();

    public DbSet<PairingMessage> PairingMessages => Set<PairingMessage>();

    public DbSet<ResourcePage> ResourcePages => Set<ResourcePage>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();

    public DbSet<MenteeApplication> MenteeApplications => Set<MenteeApplication>();

    public DbSet<MentorProposal> MentorProposals => Set<MentorProposal>();

    public DbSet<ProgrammeAdministrator> ProgrammeAdministrators => Set<ProgrammeAdministrator>();

    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    public DbSet<MentoringAgreement> MentoringAgreements => Set<MentoringAgreement>();

    public DbSet<MeetingRating> MeetingRatings => Set<MeetingRating>();

    public DbSet<CohortRun> CohortRuns => Set<CohortRun>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();

    public DbSet<DataExport> DataExports => Set<DataExport>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ReadinessProbe> ReadinessProbes => Set<ReadinessProbe>();

    public DbSet<IssuedRecord> IssuedRecords => Set<IssuedRecord>();

    public DbSet<SignInPolicy> SignInPolicies => Set<SignInPolicy>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<ImportRow> ImportRows => Set<ImportRow>();

    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();

    public DbSet<DigestItem> DigestItems => Set<DigestItem>();

    public DbSet<SentDigest> SentDigests => Set<SentDigest>();

    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();

    /// <summary>
    /// Identity picks its tables from IdentityOptions.Stores.SchemaVersion, read from the app's services. A context made
    /// without them (by `dotnet ef`, or a test) gets the app's version, 3 (with passkeys), so every model is the same.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentitySchema.Services);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored and read as UTC, whatever the provider gives back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();

        // Status-like enums are stored as their names: readable in SQL, and filtered indexes can name them.
        configurationBuilder.Properties<AvailabilityStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<MatchingMode>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ContactRequestStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<DeclineReason>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<PairingStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<GoalHorizon>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<SurveyKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<SurveyRespondent>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ErasureReason>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<DataExportStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<EmailKind>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<EmailDelivery>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<BroadcastAudience>().HaveConversion<string>().HaveMaxLength(20);
    }

    private sealed class UtcDateTimeConverter()
        : ValueConverter<DateTime, DateTime>(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<IdBlock>().ToTable("IdBlocks").HasKey(b => b.Name);
        builder.Entity<IdBlock>().Property(b => b.Name).HasMaxLength(64);
        KnownIds.Configure(builder, (id, _) => id.HasValueGenerator<SqliteIdGenerator>());
        Configurations.MentorSearchConfiguration.ConfigureSqlite(builder);
    }
}

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        KnownIds.Configure(builder, (id, sequence) => NpgsqlPropertyBuilderExtensions.UseHiLo(id, sequence));
        Configurations.MentorSearchConfiguration.ConfigurePostgres(builder);
    }
}

public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options) : PortalDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        KnownIds.Configure(builder, (id, sequence) => SqlServerPropertyBuilderExtensions.UseHiLo(id, sequence));
        SqlServerDialect.Apply(builder);
    }
}

/// <summary>The Identity schema version the portal uses, for contexts made without the app's services.</summary>
internal static class IdentitySchema
{
    public static IServiceProvider Services { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();
}
