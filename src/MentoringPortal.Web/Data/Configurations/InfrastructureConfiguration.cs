using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.ParkedReason).HasMaxLength(1000);
        builder.Property(m => m.ClaimedBy).HasMaxLength(100);
        builder.Property(m => m.AttachmentName).HasMaxLength(200);
        builder.Property(m => m.AttachmentContentType).HasMaxLength(100);
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.ActorUserId).HasMaxLength(450);
        builder.Property(a => a.Action).HasMaxLength(100);
        builder.Property(a => a.Subject).HasMaxLength(300);
        builder.Property(a => a.Before).HasMaxLength(2000);
        builder.Property(a => a.After).HasMaxLength(2000);
        builder.Property(a => a.IpAddress).HasMaxLength(45);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ProgrammeId, a.At });
        builder.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class ProgrammeAdministratorConfiguration : IEntityTypeConfiguration<ProgrammeAdministrator>
{
    public void Configure(EntityTypeBuilder<ProgrammeAdministrator> builder)
    {
        builder.HasKey(a => new { a.UserId, a.ProgrammeId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Programme>().WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
    }
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.SecurityStamp).HasMaxLength(256);
        builder.Property(s => s.Device).HasMaxLength(200);
        builder.Property(s => s.IpAddress).HasMaxLength(45);
        builder.HasIndex(s => s.UserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReadinessProbeConfiguration : IEntityTypeConfiguration<ReadinessProbe>
{
    public void Configure(EntityTypeBuilder<ReadinessProbe> builder) => builder.Property(p => p.Id).ValueGeneratedNever();
}

public sealed class SignInPolicyConfiguration : IEntityTypeConfiguration<SignInPolicy>
{
    public void Configure(EntityTypeBuilder<SignInPolicy> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ChangedByUserId).HasMaxLength(450);
    }
}
