using MentoringPortal.Domain.Mentees;
using MentoringPortal.Domain.Programmes;
using MentoringPortal.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class MenteeConfiguration : IEntityTypeConfiguration<Mentee>
{
    public void Configure(EntityTypeBuilder<Mentee> builder)
    {
        builder.Property(m => m.DisplayName).HasMaxLength(100);
        builder.Property(m => m.Specialty).HasMaxLength(80);
        builder.Property(m => m.Grade).HasMaxLength(80);
        builder.Property(m => m.Region).HasMaxLength(80);
        builder.Property(m => m.Background).HasMaxLength(80);
        builder.Property(m => m.Organisation).HasMaxLength(150);

        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => m.UserId).IsUnique();

        builder.HasMany(m => m.Goals).WithOne().HasForeignKey(g => g.MenteeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Requests).WithOne(r => r.Mentee).HasForeignKey(r => r.MenteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Mentorships).WithOne(r => r.Mentee).HasForeignKey(r => r.MenteeId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(m => m.Programmes).WithMany().UsingEntity(
            "MenteeProgrammes",
            r => r.HasOne(typeof(Programme)).WithMany().HasForeignKey("ProgrammeId").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Mentee)).WithMany().HasForeignKey("MenteeId").OnDelete(DeleteBehavior.Cascade));
    }
}

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.Description).HasMaxLength(Goal.MaxDescriptionLength);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(g => g.Ratings).WithOne().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Ratings).AutoInclude();
    }
}
