using MentoringPortal.Domain.Agreements;
using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class MentoringAgreementConfiguration : IEntityTypeConfiguration<MentoringAgreement>
{
    public void Configure(EntityTypeBuilder<MentoringAgreement> builder)
    {
        // One agreement per pairing, even when both members write the first one at the same moment.
        builder.HasOne<Pairing>().WithOne().HasForeignKey<MentoringAgreement>(a => a.PairingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.PairingId).IsUnique();
        builder.Property(a => a.Meetings).HasMaxLength(MentoringAgreement.MaxPartLength);
        builder.Property(a => a.Confidentiality).HasMaxLength(MentoringAgreement.MaxPartLength);
        builder.Property(a => a.MenteeExpectations).HasMaxLength(MentoringAgreement.MaxPartLength);
        builder.Property(a => a.MentorExpectations).HasMaxLength(MentoringAgreement.MaxPartLength);
        builder.Property(a => a.Ending).HasMaxLength(MentoringAgreement.MaxPartLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.State);
        builder.Ignore(a => a.IsAgreed);
        builder.Ignore(a => a.AgreedAt);
    }
}

public sealed class MeetingRatingConfiguration : IEntityTypeConfiguration<MeetingRating>
{
    public void Configure(EntityTypeBuilder<MeetingRating> builder)
    {
        // One rating per member per meeting; a second one changes the first.
        builder.HasOne<Meeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.MeetingId, r.RaterUserId }).IsUnique();
        builder.HasIndex(r => r.RaterUserId);
        builder.Property(r => r.RaterUserId).HasMaxLength(450);
        builder.Property(r => r.Comment).HasMaxLength(MeetingRating.MaxCommentLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.ToTable(t => t.HasCheckConstraint("CK_MeetingRatings_UsefulnessOneToFive", "\"Usefulness\" BETWEEN 1 AND 5"));
    }
}
