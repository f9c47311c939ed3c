using MentoringPortal.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// What the model cannot say (ADR-015): the FTS5 table <c>MentorSearch</c> over the mentors' name, specialty, expertise
    /// and biography, kept by triggers (external content: the text is stored once, in Mentors); the "most places free"
    /// index on an expression; and the stored directory state of the mentors that existed before DirectoryStateSignOnImportsAndNotifications.
    /// A later migration that rebuilds the Mentors table drops its triggers: it must create them again
    /// (DirectorySqliteTests finds an edited profile by its new words).
    /// </summary>
    [DbContext(typeof(SqlitePortalDbContext))]
    [Migration("20261205075900_DirectorySearchSql")]
    public partial class DirectorySearchSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "Mentors" SET "FreePlaces" = MAX(0, "Capacity" - "ActiveMenteeCount");
                UPDATE "Mentors" SET "InChoosingProgramme" = EXISTS (
                    SELECT 1 FROM "MentorProgrammes" AS mp JOIN "Programmes" AS p ON p."Id" = mp."ProgrammeId"
                    WHERE mp."MentorId" = "Mentors"."Id" AND p."MatchingMode" = 'MenteeChooses');
                UPDATE "Mentors" SET "DirectoryState" = CASE
                    WHEN NOT ("IsApproved" AND "TrainingCompletedOn" IS NOT NULL
                        AND ("TrainingExpiresOn" IS NULL OR "TrainingExpiresOn" >= date('now')) AND "InChoosingProgramme") THEN 0
                    WHEN ("Status" = 'Accepting' OR ("Status" = 'Paused' AND "PausedUntil" <= date('now')))
                        AND "ActiveMenteeCount" < "Capacity" THEN 1
                    ELSE 2 END;
                CREATE INDEX "IX_Mentors_Directory_Places" ON "Mentors" ((-"FreePlaces"), "DisplayName", "Id") WHERE "DirectoryState" > 0;
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "MentorSearch" USING fts5(
                    "DisplayName", "Specialty", "Expertise", "Bio", content='Mentors', content_rowid='Id', tokenize='porter unicode61');
                """);
            migrationBuilder.Sql("""INSERT INTO "MentorSearch"("MentorSearch") VALUES ('rebuild');""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "Mentors_Search_Insert" AFTER INSERT ON "Mentors" BEGIN
                    INSERT INTO "MentorSearch"(rowid, "DisplayName", "Specialty", "Expertise", "Bio")
                    VALUES (new."Id", new."DisplayName", new."Specialty", new."Expertise", new."Bio");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Mentors_Search_Delete" AFTER DELETE ON "Mentors" BEGIN
                    INSERT INTO "MentorSearch"("MentorSearch", rowid, "DisplayName", "Specialty", "Expertise", "Bio")
                    VALUES ('delete', old."Id", old."DisplayName", old."Specialty", old."Expertise", old."Bio");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Mentors_Search_Update" AFTER UPDATE OF "DisplayName", "Specialty", "Expertise", "Bio" ON "Mentors" BEGIN
                    INSERT INTO "MentorSearch"("MentorSearch", rowid, "DisplayName", "Specialty", "Expertise", "Bio")
                    VALUES ('delete', old."Id", old."DisplayName", old."Specialty", old."Expertise", old."Bio");
                    INSERT INTO "MentorSearch"(rowid, "DisplayName", "Specialty", "Expertise", "Bio")
                    VALUES (new."Id", new."DisplayName", new."Specialty", new."Expertise", new."Bio");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Mentors_Search_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Mentors_Search_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Mentors_Search_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "MentorSearch";""");
            migrationBuilder.Sql("""DROP INDEX "IX_Mentors_Directory_Places";""");
        }
    }
}
