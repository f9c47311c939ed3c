using Microsoft.EntityFrameworkCore.Migrations;

namespace MentoringPortal.Web.Data.Migrations;

/// <summary>
/// Data for rows that existed before the AdministratorsDesk migration added columns with empty
/// defaults: mentors get an approval state from IsApproved, and programmes the default matching
/// weights (all-zero weights cannot be loaded). The same SQL runs on SQLite and PostgreSQL.
/// </summary>
internal static class AdministratorsDeskBackfill
{
    public static void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(
            """
            UPDATE "Mentors" SET "Approval" = CASE WHEN "IsApproved" THEN 'Approved' ELSE 'Waiting' END WHERE "Approval" = '';
            """);
        migrationBuilder.Sql(
            """
            UPDATE "Programmes"
            SET "Weights_Expertise" = 4, "Weights_DifferentBackground" = 5, "Weights_SameRegion" = 2,
                "Weights_MeetingMode" = 2, "Weights_FreePlaces" = 1
            WHERE "Weights_Expertise" = 0 AND "Weights_DifferentBackground" = 0 AND "Weights_SameRegion" = 0
                AND "Weights_MeetingMode" = 0 AND "Weights_FreePlaces" = 0;
            """);
    }
}
