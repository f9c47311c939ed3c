using MentoringPortal.Domain.Mentors;
using MentoringPortal.Domain.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class IssuedRecordConfiguration : IEntityTypeConfiguration<IssuedRecord>
{
    public void Configure(EntityTypeBuilder<IssuedRecord> builder)
    {
        builder.HasOne<Mentor>().WithMany().HasForeignKey(r => r.MentorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.Code).IsUnique();
        builder.HasIndex(r => r.MentorId);
        builder.Property(r => r.Code).HasMaxLength(VerificationCode.Length);
        builder.Property(r => r.MentorName).HasMaxLength(IssuedRecord.MaxNameLength);
        builder.Property(r => r.PeriodLabel).HasMaxLength(100);
        builder.Ignore(r => r.Hours);
    }
}
