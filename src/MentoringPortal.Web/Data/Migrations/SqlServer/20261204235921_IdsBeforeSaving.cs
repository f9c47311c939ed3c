using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// The tables whose ids are given at Add take them from sequences (hi/lo). SQL Server cannot take
    /// IDENTITY off a column, so each Id column is rebuilt: the foreign keys to it and its primary key
    /// are dropped, the ids are copied into a new plain column that takes the old one's place, and the
    /// keys are put back as they were. Every row keeps its id.
    /// </summary>
    public partial class IdsBeforeSaving : Migration
    {
        private static readonly string[] TablesWithKnownIds = ["Programmes", "ContactRequests", "MenteeApplications", "Mentorships", "Meetings"];

        private static readonly (string Name, string Table, string Column, string PrincipalTable, ReferentialAction OnDelete)[] ForeignKeysToThem =
        [
            ("FK_AuditEntries_Programmes_ProgrammeId", "AuditEntries", "ProgrammeId", "Programmes", ReferentialAction.SetNull),
            ("FK_CohortRuns_Programmes_ProgrammeId", "CohortRuns", "ProgrammeId", "Programmes", ReferentialAction.Cascade),
            ("FK_ProgrammeAdministrators_Programmes_ProgrammeId", "ProgrammeAdministrators", "ProgrammeId", "Programmes", ReferentialAction.Cascade),
            ("FK_ResourcePages_Programmes_ProgrammeId", "ResourcePages", "ProgrammeId", "Programmes", ReferentialAction.Cascade),
            ("FK_MenteeProgrammes_Programmes_ProgrammeId", "MenteeProgrammes", "ProgrammeId", "Programmes", ReferentialAction.Cascade),
            ("FK_ContactRequests_Programmes_ProgrammeId", "ContactRequests", "ProgrammeId", "Programmes", ReferentialAction.Restrict),
            ("FK_MentorProgrammes_Programmes_ProgrammeId", "MentorProgrammes", "ProgrammeId", "Programmes", ReferentialAction.Cascade),
            ("FK_Mentorships_Programmes_ProgrammeId", "Mentorships", "ProgrammeId", "Programmes", ReferentialAction.Restrict),
            ("FK_ChangeRequests_Mentorships_MentorshipId", "ChangeRequests", "MentorshipId", "Mentorships", ReferentialAction.Cascade),
            ("FK_Meetings_Mentorships_MentorshipId", "Meetings", "MentorshipId", "Mentorships", ReferentialAction.Cascade),
            ("FK_MenteeApplications_Mentorships_MentorshipId", "MenteeApplications", "MentorshipId", "Mentorships", ReferentialAction.Restrict),
            ("FK_MenteeApplications_Programmes_ProgrammeId", "MenteeApplications", "ProgrammeId", "Programmes", ReferentialAction.Restrict),
            ("FK_SurveyResponses_Mentorships_MentorshipId", "SurveyResponses", "MentorshipId", "Mentorships", ReferentialAction.Cascade),
            ("FK_SurveyResponses_Programmes_ProgrammeId", "SurveyResponses", "ProgrammeId", "Programmes", ReferentialAction.Restrict),
            ("FK_MeetingNotes_Meetings_MeetingId", "MeetingNotes", "MeetingId", "Meetings", ReferentialAction.Cascade),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in TablesWithKnownIds)
            {
                migrationBuilder.CreateSequence(
                    name: $"{table}Ids",
                    incrementBy: 10);
            }

            foreach (var key in ForeignKeysToThem)
            {
                migrationBuilder.DropForeignKey(name: key.Name, table: key.Table);
            }

            foreach (var table in TablesWithKnownIds)
            {
                // Past the highest id the identity ever gave (it may have given ids since deleted), so a link
                // in an email already sent never comes to point at a new row.
                migrationBuilder.Sql($"""
                    DECLARE @next bigint = (SELECT MAX(v) FROM (VALUES
                        ((SELECT MAX([Id]) FROM [{table}])), (CAST(IDENT_CURRENT('{table}') AS bigint))) AS given(v)) + 1;
                    DECLARE @restart nvarchar(200) = N'ALTER SEQUENCE [{table}Ids] RESTART WITH ' + CAST(@next AS nvarchar(20));
                    EXEC sp_executesql @restart;
                    """);

                migrationBuilder.DropPrimaryKey(name: $"PK_{table}", table: table);
                migrationBuilder.AddColumn<int>(name: "IdFromSequence", table: table, type: "int", nullable: true);
                migrationBuilder.Sql($"UPDATE [{table}] SET [IdFromSequence] = [Id];");

                // Written out rather than DropColumn/AlterColumn: those look up default constraints by name in dynamic SQL, and neither column has one.
                migrationBuilder.Sql($"ALTER TABLE [{table}] DROP COLUMN [Id];");
                migrationBuilder.RenameColumn(name: "IdFromSequence", table: table, newName: "Id");
                migrationBuilder.Sql($"ALTER TABLE [{table}] ALTER COLUMN [Id] int NOT NULL;");
                migrationBuilder.AddPrimaryKey(name: $"PK_{table}", table: table, column: "Id");
            }

            foreach (var key in ForeignKeysToThem)
            {
                migrationBuilder.AddForeignKey(name: key.Name, table: key.Table, column: key.Column, principalTable: key.PrincipalTable,
                    principalColumn: "Id", onDelete: key.OnDelete);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            throw new NotSupportedException(
                "SQL Server cannot put IDENTITY back on a column that has rows without rebuilding each table; restore the backup taken before "
                + "IdsBeforeSaving instead.");
    }
}
