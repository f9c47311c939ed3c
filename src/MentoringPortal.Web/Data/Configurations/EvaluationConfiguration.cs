using MentoringPortal.Domain.Evaluation;
using MentoringPortal.Domain.Pairings;
using MentoringPortal.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.HasOne<Pairing>().WithMany(m => m.Surveys).HasForeignKey(s => s.PairingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Restrict);

        // One survey of each kind per person per pairing, even when the invitation job runs twice at once.
        builder.HasIndex(s => new { s.PairingId, s.Kind, s.Respondent }).IsUnique();
        builder.HasIndex(s => new { s.ProgrammeId, s.Kind, s.SubmittedAt });
        builder.Property(s => s.WouldRecommend).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.EndingReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.WhatWorked).HasMaxLength(SurveyResponse.MaxTextLength);
        builder.Property(s => s.WhatCouldBeBetter).HasMaxLength(SurveyResponse.MaxTextLength);
        builder.Property(s => s.WhatWouldHaveHelped).HasMaxLength(SurveyResponse.MaxTextLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.GoalProgress).WithOne().HasForeignKey(g => g.SurveyResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CohortRunConfiguration : IEntityTypeConfiguration<CohortRun>
{
    public void Configure(EntityTypeBuilder<CohortRun> builder)
    {
        builder.HasOne<Programme>().WithMany().HasForeignKey(r => r.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(r => r.StartedByUserId).HasMaxLength(450);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Failure).HasMaxLength(CohortRun.MaxFailureLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.ProgrammeId, r.StartedAt });
        builder.HasIndex(r => r.Status);
    }
}
