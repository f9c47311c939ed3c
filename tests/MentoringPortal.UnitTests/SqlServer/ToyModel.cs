using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MentoringPortal.UnitTests.SqlServer;

/// <summary>A purpose-built SQL Server model, to prove each of <see cref="SqlServerModelRules"/> catches what it should.</summary>
public static class ToyModel
{
    /// <summary>The design-time model (with the relational model) of a context built by <paramref name="build"/>; no connection is opened.</summary>
    public static IModel Build(Action<ModelBuilder> build)
    {
        using var context = new ToyContext(build);
        return context.GetService<IDesignTimeModel>().Model;
    }

    /// <summary>An entity type with an int key "Id", by name.</summary>
    public static EntityTypeBuilder<Dictionary<string, object>> Table(this ModelBuilder builder, string name)
    {
        var entity = builder.SharedTypeEntity<Dictionary<string, object>>(name);
        entity.Property<int>("Id");
        entity.HasKey("Id");
        entity.ToTable(name);
        return entity;
    }

    /// <summary>A required foreign key from <paramref name="dependent"/> to <paramref name="principal"/> named after both.</summary>
    public static void Reference(this ModelBuilder builder, string dependent, string principal, DeleteBehavior onDelete, string? column = null)
    {
        column ??= principal + "Id";
        builder.SharedTypeEntity<Dictionary<string, object>>(dependent, d =>
        {
            d.Property<int>(column);
            d.HasOne(principal).WithMany().HasForeignKey(column).OnDelete(onDelete);
        });
    }

    private sealed class ToyContext(Action<ModelBuilder> build) : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.UseSqlServer("Server=localhost;Database=toy;Integrated Security=true")
                .ReplaceService<IModelCacheKeyFactory, EveryContextItsOwnModel>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => build(modelBuilder);
    }

    // Each toy builds its own model instead of sharing the first one EF Core cached for the type.
    private sealed class EveryContextItsOwnModel : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context, designTime);
    }
}
