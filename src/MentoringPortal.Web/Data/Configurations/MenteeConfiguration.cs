using MentoringPortal.Domain.Matching;
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
        builder.HasMany(m => m.Applications).WithOne(a => a.Mentee).HasForeignKey(a => a.MenteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Pairings).WithOne(r => r.Mentee).HasForeignKey(r => r.MenteeId).OnDelete(DeleteBehavior.Restrict);

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

public sealed class MenteeApplicationConfiguration : IEntityTypeConfiguration<MenteeApplication>
{
    public void Configure(EntityTypeBuilder<MenteeApplication> builder)
    {
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Statement).HasMaxLength(MenteeApplication.MaxStatementLength);
        builder.Property(a => a.Conflicts).HasMaxLength(MenteeApplication.MaxConflictsLength);
        builder.Property(a => a.DecisionMessage).HasMaxLength(2000);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.ConflictList);
        builder.HasOne(a => a.Programme).WithMany().HasForeignKey(a => a.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Pairing).WithMany().HasForeignKey(a => a.PairingId).OnDelete(DeleteBehavior.Restrict);

        // One open application (waiting, or proposed to a mentor) per mentee and programme, even when the form is submitted twice at once.
        builder.HasIndex(a => new { a.MenteeId, a.ProgrammeId })
            .IsUnique()
            .HasFilter("\"Status\" IN ('Waiting', 'Proposed')")
            .HasDatabaseName("IX_MenteeApplications_OneWaitingPerMenteeAndProgramme");
        builder.HasIndex(a => new { a.ProgrammeId, a.Status, a.SubmittedAt });
    }
}
