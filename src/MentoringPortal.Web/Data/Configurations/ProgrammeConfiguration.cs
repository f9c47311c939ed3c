using MentoringPortal.Domain.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.Web.Data.Configurations;

public sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(120);
        builder.Property(p => p.Slug).HasMaxLength(60);
        builder.Property(p => p.Summary).HasMaxLength(2000);
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.ComplexProperty(p => p.Weights);

        // Programmes that existed before the setting get the default, not zero days.
        builder.Property(p => p.ProposalAnswerDays).HasDefaultValue(Programme.DefaultProposalAnswerDays);
    }
}

public sealed class ResourcePageConfiguration : IEntityTypeConfiguration<ResourcePage>
{
    public void Configure(EntityTypeBuilder<ResourcePage> builder)
    {
        builder.Property(p => p.Slug).HasMaxLength(60);
        builder.Property(p => p.Title).HasMaxLength(120);
        builder.Property(p => p.BodyMarkdown).HasMaxLength(ResourcePage.MaxBodyLength);
        builder.HasOne(p => p.Programme).WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ProgrammeId, p.Slug }).IsUnique();
    }
}
