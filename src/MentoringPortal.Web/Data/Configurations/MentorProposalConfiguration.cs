using MentoringPortal.Domain.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class MentorProposalConfiguration : IEntityTypeConfiguration<MentorProposal>
{
    public void Configure(EntityTypeBuilder<MentorProposal> builder)
    {
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.DeclineNote).HasMaxLength(MentorProposal.MaxDeclineNoteLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne(p => p.Application).WithMany(a => a.Proposals).HasForeignKey(p => p.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Mentor).WithMany().HasForeignKey(p => p.MentorId).OnDelete(DeleteBehavior.Restrict);

        // One proposal waiting per application, even when two administrators match it at the same moment.
        builder.HasIndex(p => p.ApplicationId)
            .IsUnique()
            .HasFilter("\"Status\" = 'Waiting'")
            .HasDatabaseName("IX_MentorProposals_OneWaitingPerApplication");
        builder.HasIndex(p => new { p.MentorId, p.Status });
        builder.HasIndex(p => new { p.Status, p.AnswerBy });
    }
}
