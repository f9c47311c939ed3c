using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class MentorConfiguration : IEntityTypeConfiguration<Mentor>
{
    public void Configure(EntityTypeBuilder<Mentor> builder)
    {
        builder.ToTable(t => t.HasCheckConstraint(
            "CK_Mentors_ActiveWithinCapacity", "\"ActiveMenteeCount\" >= 0 AND \"ActiveMenteeCount\" <= \"Capacity\""));

        builder.Property(m => m.DisplayName).HasMaxLength(100);
        builder.Property(m => m.Specialty).HasMaxLength(80);
        builder.Property(m => m.Grade).HasMaxLength(80);
        builder.Property(m => m.Region).HasMaxLength(80);
        builder.Property(m => m.Background).HasMaxLength(80);
        builder.Property(m => m.Organisation).HasMaxLength(150);
        builder.Property(m => m.Expertise).HasMaxLength(500);
        builder.Property(m => m.Bio).HasMaxLength(3000);
        builder.Property(m => m.SearchText).HasMaxLength(4000);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Property(m => m.Approval).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.TrainingDeclared).HasMaxLength(1000);
        builder.Property(m => m.DeclineMessage).HasMaxLength(2000);
        builder.HasIndex(m => m.Approval);
        builder.HasMany(m => m.Training).WithOne().HasForeignKey(t => t.MentorId).OnDelete(DeleteBehavior.Cascade);

        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.UserId).IsUnique();
        builder.HasIndex(m => m.DisplayName);
        builder.HasIndex(m => new { m.IsApproved, m.Specialty });
        builder.HasIndex(m => m.Region);

        // The directory reads one range of one of these for each sort, listed mentors only (ADR-015). "Most places free"
        // orders by an expression, so its index is raw SQL in the DirectorySearchSql migrations.
        const string listed = "\"DirectoryState\" > 0";
        builder.HasIndex(m => new { m.DirectoryState, m.DisplayName, m.Id }, "IX_Mentors_Directory_Availability").HasFilter(listed);
        builder.HasIndex(m => new { m.DisplayName, m.Id }, "IX_Mentors_Directory_Name").HasFilter(listed);
        builder.HasIndex(m => new { m.CreatedAt, m.Id }, "IX_Mentors_Directory_Newest").HasFilter(listed);

        // Counts the narrow filters from the index alone: a page counts first and reads no cards when nothing matches.
        builder.HasIndex(m => new { m.Specialty, m.Region, m.DirectoryState }, "IX_Mentors_Directory_Filters").HasFilter(listed);

        builder.HasMany(m => m.Programmes).WithMany().UsingEntity(
            "MentorProgrammes",
            r => r.HasOne(typeof(Programme)).WithMany().HasForeignKey("ProgrammeId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Mentor)).WithMany().HasForeignKey("MentorId").OnDelete(DeleteBehavior.Cascade));
    }
}

public sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.Property(t => t.Course).HasMaxLength(TrainingRecord.MaxCourseLength);
        builder.Property(t => t.RecordedByUserId).HasMaxLength(450);
        builder.HasIndex(t => new { t.MentorId, t.CompletedOn });
    }
}
