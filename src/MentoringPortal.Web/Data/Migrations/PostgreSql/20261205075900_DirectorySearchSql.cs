using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// What the model cannot say (ADR-015): the "most places free" index on an expression, and the stored directory state
    /// of the mentors that existed before DirectoryStateSignOnImportsAndNotifications. Must run after DirectoryStateSignOnImportsAndNotifications.
    /// </summary>
    [DbContext(typeof(PostgresPortalDbContext))]
    [Migration("20261205075900_DirectorySearchSql")]
    public partial class DirectorySearchSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Mentors" SET "FreePlaces" = GREATEST(0, "Capacity" - "ActiveMenteeCount");
                UPDATE "Mentors" AS m SET "InChoosingProgramme" = EXISTS (
                    SELECT 1 FROM "MentorProgrammes" AS mp JOIN "Programmes" AS p ON p."Id" = mp."ProgrammeId"
                    WHERE mp."MentorId" = m."Id" AND p."MatchingMode" = 'MenteeChooses');
                UPDATE "Mentors" SET "DirectoryState" = CASE
                    WHEN NOT ("IsApproved" AND "TrainingCompletedOn" IS NOT NULL
                        AND ("TrainingExpiresOn" IS NULL OR "TrainingExpiresOn" >= CURRENT_DATE) AND "InChoosingProgramme") THEN 0
                    WHEN ("Status" = 'Accepting' OR ("Status" = 'Paused' AND "PausedUntil" <= CURRENT_DATE))
                        AND "ActiveMenteeCount" < "Capacity" THEN 1
                    ELSE 2 END;
                CREATE INDEX "IX_Mentors_Directory_Places" ON "Mentors" ((-"FreePlaces"), "DisplayName", "Id") WHERE "DirectoryState" > 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX "IX_Mentors_Directory_Places";""");
        }
    }
}
