using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.PostgreSql
{
    /// <summary>
    /// ADR-015 revised: each meaning of the reviewed synonym list (<c>DirectorySynonyms</c>, the model's data) is also a word
    /// of the word index for the listed mentors whose search vector matches it, with the best place it appears, so that a
    /// search for "maternity" (which also means "parental leave") reads one range as a single word does. Triggers keep it:
    /// on Mentors (<c>directory_search_words</c>, now reading the list) and on the list itself. Every search reads the word
    /// index, so the GIN index of the vector goes. <c>directory_lexeme</c> becomes one expression, which PostgreSQL inlines
    /// into each search statement instead of running a query of its own per call (a search word is letters and digits
    /// only, so it has one lexeme at most: the first is the least). Must run after DirectoryAtScale.
    /// </summary>
    public partial class DirectorySynonymIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Mentors_SearchVector",
                table: "Mentors");

            migrationBuilder.CreateTable(
                name: "DirectorySynonyms",
                columns: table => new
                {
                    Query = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectorySynonyms", x => x.Query);
                });

            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION directory_lexeme(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT (tsvector_to_array(to_tsvector('english'::regconfig, word)))[1] $$;
                CREATE FUNCTION directory_synonym_weight(vector tsvector, query tsquery) RETURNS smallint
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$
                    SELECT (CASE WHEN ts_filter(vector, '{a}') @@ query THEN 0 WHEN ts_filter(vector, '{a,b}') @@ query THEN 1 ELSE 2 END)::smallint
                $$;
                CREATE OR REPLACE FUNCTION directory_search_words(mentor_id integer, display_name text, vector tsvector)
                RETURNS TABLE ("Word" text, "Weight" smallint, "DisplayName" text, "MentorId" integer) LANGUAGE sql STABLE
                AS $$
                    SELECT v.lexeme,
                           (SELECT min(CASE w WHEN 'A' THEN 0 WHEN 'B' THEN 1 ELSE 2 END) FROM unnest(v.weights) AS w)::smallint,
                           display_name, mentor_id
                    FROM unnest(vector) AS v
                    UNION ALL
                    SELECT s."Query", directory_synonym_weight(vector, q), display_name, mentor_id
                    FROM "DirectorySynonyms" AS s, to_tsquery('english'::regconfig, s."Query") AS q
                    WHERE vector @@ q
                $$;
                CREATE FUNCTION "DirectorySynonyms_Words"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        DELETE FROM "MentorSearchWords" WHERE "Word" = OLD."Query";
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        INSERT INTO "MentorSearchWords" ("Word", "Weight", "DisplayName", "MentorId")
                        SELECT NEW."Query", directory_synonym_weight(m."SearchVector", q), m."DisplayName", m."Id"
                        FROM "Mentors" AS m, to_tsquery('english'::regconfig, NEW."Query") AS q
                        WHERE m."DirectoryState" > 0 AND m."SearchVector" @@ q;
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "DirectorySynonyms_Words" AFTER INSERT OR UPDATE OR DELETE ON "DirectorySynonyms"
                    FOR EACH ROW EXECUTE FUNCTION "DirectorySynonyms_Words"();
                """);

            migrationBuilder.InsertData(
                table: "DirectorySynonyms",
                column: "Query",
                values: new object[]
                {
                    "arcp | annual <-> review <-> of <-> competence <-> progression",
                    "burnout | wellbeing | well <-> being",
                    "cct | certificate <-> of <-> completion <-> of <-> training",
                    "exam | exams | examination | examinations",
                    "img | international <-> medical <-> graduate | international <-> graduate",
                    "imposter | impostor",
                    "ltft | less <-> than <-> full <-> time",
                    "oop | out <-> of <-> programme",
                    "parental <-> leave | maternity | paternity | adoption <-> leave",
                    "portfolio | eportfolio",
                    "rtt | return <-> to <-> training | returning <-> to <-> training"
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "DirectorySynonyms_Words" ON "DirectorySynonyms";
                DROP FUNCTION "DirectorySynonyms_Words"();
                DELETE FROM "MentorSearchWords" AS w USING "DirectorySynonyms" AS s WHERE w."Word" = s."Query";
                CREATE OR REPLACE FUNCTION directory_search_words(mentor_id integer, display_name text, vector tsvector)
                RETURNS TABLE ("Word" text, "Weight" smallint, "DisplayName" text, "MentorId" integer) LANGUAGE sql IMMUTABLE
                AS $$
                    SELECT v.lexeme,
                           (SELECT min(CASE w WHEN 'A' THEN 0 WHEN 'B' THEN 1 ELSE 2 END) FROM unnest(v.weights) AS w)::smallint,
                           display_name, mentor_id
                    FROM unnest(vector) AS v
                $$;
                DROP FUNCTION directory_synonym_weight(tsvector, tsquery);
                CREATE OR REPLACE FUNCTION directory_lexeme(word text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                AS $$ SELECT min(lexeme) FROM unnest(to_tsvector('english'::regconfig, word)) $$;
                """);

            migrationBuilder.DropTable(
                name: "DirectorySynonyms");

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_SearchVector",
                table: "Mentors",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
