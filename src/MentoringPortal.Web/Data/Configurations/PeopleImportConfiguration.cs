using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        // A double-clicked confirmation, or two administrators at once, collide here: the batch is confirmed once.
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(b => b.LeasedBy).HasMaxLength(100);
        builder.Property(b => b.UploadedByUserId).HasMaxLength(450);
        builder.Property(b => b.ConfirmedByUserId).HasMaxLength(450);
        builder.Property(b => b.FileName).HasMaxLength(ImportBatch.MaxFileNameLength);
        builder.HasIndex(b => new { b.Status, b.LeasedUntil });
        builder.HasIndex(b => b.ExpiresAt);
        builder.HasIndex(b => new { b.ProgrammeId, b.UploadedAt });
        builder.HasOne<Programme>().WithMany().HasForeignKey(b => b.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<ImportRow>().WithOne().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ImportRowConfiguration : IEntityTypeConfiguration<ImportRow>
{
    public void Configure(EntityTypeBuilder<ImportRow> builder)
    {
        builder.HasKey(r => new { r.BatchId, r.Number });
        builder.Property(r => r.Email).HasMaxLength(320);
        builder.Property(r => r.NormalizedEmail).HasMaxLength(320);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Message).HasMaxLength(ImportRow.MaxMessageLength);
        builder.Property(r => r.Result).HasMaxLength(ImportRow.MaxMessageLength);
        // Two instances that ever worked on the same rows collide here, and the second one's chunk (its accounts too) rolls back.
        builder.Property(r => r.Done).IsConcurrencyToken();
    }
}

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.HasIndex(i => i.UserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Programme>().WithMany().HasForeignKey(i => i.ProgrammeId).OnDelete(DeleteBehavior.SetNull);
    }
}
