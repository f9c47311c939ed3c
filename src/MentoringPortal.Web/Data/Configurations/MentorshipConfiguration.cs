using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Mentorships;
using MentoringPortal.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class MentorshipConfiguration : IEntityTypeConfiguration<Mentorship>
{
    public void Configure(EntityTypeBuilder<Mentorship> builder)
    {
        builder.HasOne(m => m.Mentor).WithMany().HasForeignKey(m => m.MentorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Meetings).WithOne(m => m.Mentorship).HasForeignKey(m => m.MentorshipId).OnDelete(DeleteBehavior.Cascade);

        // A mentee has at most one active pairing per programme, even when two mentors accept at once.
        builder.HasIndex(m => new { m.MenteeId, m.ProgrammeId })
            .IsUnique()
            .HasFilter("\"Status\" = 'Active'")
            .HasDatabaseName("IX_Mentorships_OneActivePerMenteeAndProgramme");
        builder.HasIndex(m => new { m.MentorId, m.Status });
    }
}

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Location).HasMaxLength(300);
        builder.HasIndex(m => new { m.MentorshipId, m.StartsAt });
    }
}
