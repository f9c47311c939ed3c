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

        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.UserId).IsUnique();
        builder.HasIndex(m => m.DisplayName);
        builder.HasIndex(m => new { m.IsApproved, m.Specialty });
        builder.HasIndex(m => m.Region);

        builder.HasMany(m => m.Programmes).WithMany().UsingEntity(
            "MentorProgrammes",
            r => r.HasOne(typeof(Programme)).WithMany().HasForeignKey("ProgrammeId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Mentor)).WithMany().HasForeignKey("MentorId").OnDelete(DeleteBehavior.Cascade));
    }
}
