using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// ADR-015 revised: the word index of listed mentors (<c>MentorSearchWords</c>, one row per lexeme of a mentor's search
    /// vector with the best weight it has there, 0 for A to 2 for C) kept by triggers on Mentors; the function that turns
    /// a search word into its lexeme as the vector does (<c>directory_lexeme</c>); the narrow filters' counting index. Must run after DirectorySearchSql.
    /// </summary>
    public partial class DirectoryAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MentorSearchWords",
                columns: table => new
                {
                    Word = table.Column<string>(type: "text", nullable: false),
                    MentorId = table.Column<int>(type: "integer", nullable: false),
                    Weight = table.Column<short>(type: "smallint", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorSearchWords", x => new { x.MentorId, x.Word });
                    table.ForeignKey(
                        name: "FK_MentorSearchWords_Mentors_MentorId",
                        column: x => x.MentorId,
                        principalTable: "Mentors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql("""
                CREATE FUNCTION directory_lexeme(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT min(lexeme) FROM unnest(to_tsvector('english'::regconfig, word)) $$;
                CREATE FUNCTION directory_search_words(mentor_id integer, display_name text, vector tsvector)
                RETURNS TABLE ("Word" text, "Weight" smallint, "DisplayName" text, "MentorId" integer) LANGUAGE sql IMMUTABLE
                AS $$
                    SELECT v.lexeme,
                           (SELECT min(CASE w WHEN 'A' THEN 0 WHEN 'B' THEN 1 ELSE 2 END) FROM unnest(v.weights) AS w)::smallint,
                           display_name, mentor_id
                    FROM unnest(vector) AS v
                $$;
                CREATE FUNCTION "Mentors_SearchWords"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        DELETE FROM "MentorSearchWords" WHERE "MentorId" = OLD."Id";
                    END IF;
                    IF NEW."DirectoryState" > 0 THEN
                        INSERT INTO "MentorSearchWords" ("Word", "Weight", "DisplayName", "MentorId")
                        SELECT * FROM directory_search_words(NEW."Id", NEW."DisplayName", NEW."SearchVector");
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Mentors_SearchWords_Insert" AFTER INSERT ON "Mentors"
                    FOR EACH ROW EXECUTE FUNCTION "Mentors_SearchWords"();
                CREATE TRIGGER "Mentors_SearchWords_Update" AFTER UPDATE ON "Mentors" FOR EACH ROW
                    WHEN (OLD."SearchVector" IS DISTINCT FROM NEW."SearchVector" OR OLD."DisplayName" IS DISTINCT FROM NEW."DisplayName"
                        OR (OLD."DirectoryState" > 0) <> (NEW."DirectoryState" > 0))
                    EXECUTE FUNCTION "Mentors_SearchWords"();
                INSERT INTO "MentorSearchWords" ("Word", "Weight", "DisplayName", "MentorId")
                SELECT w.* FROM "Mentors" AS m, directory_search_words(m."Id", m."DisplayName", m."SearchVector") AS w
                WHERE m."DirectoryState" > 0;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_Directory_Filters",
                table: "Mentors",
                columns: new[] { "Specialty", "Region", "DirectoryState" },
                filter: "\"DirectoryState\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_MentorSearchWords_Ranked",
                table: "MentorSearchWords",
                columns: new[] { "Word", "Weight", "DisplayName", "MentorId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "Mentors_SearchWords_Update" ON "Mentors";
                DROP TRIGGER "Mentors_SearchWords_Insert" ON "Mentors";
                DROP FUNCTION "Mentors_SearchWords"();
                DROP FUNCTION directory_search_words(integer, text, tsvector);
                DROP FUNCTION directory_lexeme(text);
                """);
            migrationBuilder.DropTable(
                name: "MentorSearchWords");

            migrationBuilder.DropIndex(
                name: "IX_Mentors_Directory_Filters",
                table: "Mentors");
        }
    }
}
