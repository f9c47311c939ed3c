using MentoringPortal.Web.Hosting;
using Npgsql;

namespace MentoringPortal.UnitTests.Directory;

/// <summary>The PostgreSQL connection string gets Npgsql's automatic preparation unless it already says how much.</summary>
public sealed class AutomaticPreparationTests
{
    [Fact]
    public void ConnectionStringWithout_GetsThePortalsDefault_AndKeepsTheRest()
    {
        var result = new NpgsqlConnectionStringBuilder(
            DataExtensions.WithAutomaticPreparation("Host=db.example;Database=portal;Username=portal;Password=secret"));

        Assert.Equal(DataExtensions.AutomaticallyPrepared, result.MaxAutoPrepare);
        Assert.Equal("db.example", result.Host);
        Assert.Equal("portal", result.Database);
        Assert.Equal("secret", result.Password);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;maxautoprepare=5", 5)]
    public void ConnectionStringThatSays_IsLeftAsItIs(string connectionString, int expected)
    {
        var result = DataExtensions.WithAutomaticPreparation(connectionString);

        Assert.Equal(connectionString, result);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(result).MaxAutoPrepare);
    }
}
