using MentoringPortal.Domain.Notifications;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class NotificationSettingsConfiguration : IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<NotificationSettings> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithOne().HasForeignKey<NotificationSettings>(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DigestItemConfiguration : IEntityTypeConfiguration<DigestItem>
{
    public void Configure(EntityTypeBuilder<DigestItem> builder)
    {
        builder.Property(i => i.UserId).HasMaxLength(450);
        builder.Property(i => i.Summary).HasMaxLength(300);
        builder.Property(i => i.Link).HasMaxLength(500);
        builder.HasIndex(i => new { i.DigestDay, i.UserId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SentDigestConfiguration : IEntityTypeConfiguration<SentDigest>
{
    public void Configure(EntityTypeBuilder<SentDigest> builder)
    {
        // Unique, not the key: SQL Server's clustered keys stop at 900 bytes, and a user id may take 900.
        builder.HasIndex(d => new { d.UserId, d.Day }).IsUnique();
        builder.Property(d => d.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> builder)
    {
        builder.Property(b => b.SentByUserId).HasMaxLength(450);
        builder.Property(b => b.Subject).HasMaxLength(150);
        builder.Property(b => b.Body).HasMaxLength(5000);
        builder.HasIndex(b => new { b.ProgrammeId, b.SentAt });
        builder.HasIndex(b => b.PreviewId).IsUnique();
        builder.HasOne<Programme>().WithMany().HasForeignKey(b => b.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
    }
}
