using MentoringPortal.Domain.Meetings;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class PairingConfiguration : IEntityTypeConfiguration<Pairing>
{
    public void Configure(EntityTypeBuilder<Pairing> builder)
    {
        builder.HasOne(m => m.Mentor).WithMany().HasForeignKey(m => m.MentorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Programme>().WithMany().HasForeignKey(m => m.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Meetings).WithOne(m => m.Pairing).HasForeignKey(m => m.PairingId).OnDelete(DeleteBehavior.Cascade);

        // A mentee has at most one active pairing per programme, even when two mentors accept at once.
        builder.HasIndex(m => new { m.MenteeId, m.ProgrammeId })
            .IsUnique()
            .HasFilter("\"Status\" = 'Active'")
            .HasDatabaseName("IX_Pairings_OneActivePerMenteeAndProgramme");
        builder.HasIndex(m => new { m.MentorId, m.Status });
        builder.Property(m => m.EndReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.EndNote).HasMaxLength(1000);
        builder.Property(m => m.EndedByUserId).HasMaxLength(450);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasMany(m => m.ChangeRequests).WithOne(c => c.Pairing).HasForeignKey(c => c.PairingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ChangeRequestConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> builder)
    {
        builder.Property(c => c.RequestedByUserId).HasMaxLength(450);
        builder.Property(c => c.Reason).HasMaxLength(ChangeRequest.MaxReasonLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Response).HasMaxLength(2000);
        builder.HasIndex(c => c.Status);
    }
}

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Location).HasMaxLength(300);
        builder.Property(m => m.AgreedActions).HasMaxLength(Meeting.MaxAgreedActionsLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.EndsAt);
        builder.HasIndex(m => new { m.PairingId, m.StartsAt });
        builder.HasMany(m => m.Notes).WithOne().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeetingNoteConfiguration : IEntityTypeConfiguration<MeetingNote>
{
    public void Configure(EntityTypeBuilder<MeetingNote> builder)
    {
        builder.Property(n => n.AuthorUserId).HasMaxLength(450);
        builder.Property(n => n.Text).HasMaxLength(MeetingNote.MaxTextLength);
        builder.HasIndex(n => new { n.MeetingId, n.AuthorUserId }).IsUnique();
    }
}

public sealed class PairingMessageConfiguration : IEntityTypeConfiguration<PairingMessage>
{
    public void Configure(EntityTypeBuilder<PairingMessage> builder)
    {
        builder.HasOne<Pairing>().WithMany().HasForeignKey(m => m.PairingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.SenderUserId).HasMaxLength(450);
        builder.Property(m => m.RecipientUserId).HasMaxLength(450);
        builder.Property(m => m.Text).HasMaxLength(PairingMessage.MaxTextLength);
        builder.Ignore(m => m.IsUnread);
        builder.HasIndex(m => new { m.PairingId, m.SentAt });
        builder.HasIndex(m => new { m.RecipientUserId, m.ReadAt });
        builder.HasIndex(m => m.SenderUserId);
    }
}
