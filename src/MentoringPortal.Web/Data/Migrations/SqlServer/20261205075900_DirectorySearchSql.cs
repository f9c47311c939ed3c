using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// The stored directory state of the mentors that existed before DirectoryStateSignOnImportsAndNotifications (ADR-015). SQL Server keeps the
    /// LIKE search (no full-text catalog here) and has no index on an expression, so there is nothing else. Must run after
    /// DirectoryStateSignOnImportsAndNotifications.
    /// </summary>
    [DbContext(typeof(SqlServerPortalDbContext))]
    [Migration("20261205075900_DirectorySearchSql")]
    public partial class DirectorySearchSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE [Mentors] SET [FreePlaces] = CASE WHEN [Capacity] > [ActiveMenteeCount] THEN [Capacity] - [ActiveMenteeCount] ELSE 0 END;
                UPDATE [Mentors] SET [InChoosingProgramme] = CASE WHEN EXISTS (
                    SELECT 1 FROM [MentorProgrammes] AS mp JOIN [Programmes] AS p ON p.[Id] = mp.[ProgrammeId]
                    WHERE mp.[MentorId] = [Mentors].[Id] AND p.[MatchingMode] = N'MenteeChooses') THEN 1 ELSE 0 END;
                UPDATE [Mentors] SET [DirectoryState] = CASE
                    WHEN NOT ([IsApproved] = 1 AND [TrainingCompletedOn] IS NOT NULL
                        AND ([TrainingExpiresOn] IS NULL OR [TrainingExpiresOn] >= CAST(SYSUTCDATETIME() AS date)) AND [InChoosingProgramme] = 1) THEN 0
                    WHEN ([Status] = N'Accepting' OR ([Status] = N'Paused' AND [PausedUntil] <= CAST(SYSUTCDATETIME() AS date)))
                        AND [ActiveMenteeCount] < [Capacity] THEN 1
                    ELSE 2 END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
