using MentoringPortal.Domain.Programmes;
using MentoringPortal.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class ContactRequestConfiguration : IEntityTypeConfiguration<ContactRequest>
{
    public void Configure(EntityTypeBuilder<ContactRequest> builder)
    {
        builder.Property(r => r.Message).HasMaxLength(ContactRequest.MaxMessageLength);
        builder.Property(r => r.DeclineNote).HasMaxLength(ContactRequest.MaxDeclineNoteLength);
        builder.Property(r => r.Version).IsConcurrencyToken();

        builder.HasOne(r => r.Mentor).WithMany().HasForeignKey(r => r.MentorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Restrict);

        // One pending request per mentee and mentor, even when a form is submitted twice at once.
        builder.HasIndex(r => new { r.MenteeId, r.MentorId })
            .IsUnique()
            .HasFilter("\"Status\" = 'Pending'")
            .HasDatabaseName("IX_ContactRequests_OnePendingPerPair");
        builder.HasIndex(r => new { r.Status, r.ExpiresAt });
        builder.HasIndex(r => new { r.MentorId, r.Status });
    }
}
