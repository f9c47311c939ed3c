using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdsBeforeSaving : Migration
    {
        private static readonly string[] TablesWithKnownIds = ["Programmes", "ContactRequests", "MenteeApplications", "Mentorships", "Meetings"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IdBlocks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdBlocks", x => x.Name);
                });

            // Each table counts on from the highest id it ever gave (AUTOINCREMENT never gives a deleted row's id again),
            // so a link in an email already sent never comes to point at a new row.
            foreach (var table in TablesWithKnownIds)
            {
                migrationBuilder.Sql($"""
                    INSERT INTO "IdBlocks" ("Name", "LastId")
                    SELECT '{table}Ids', MAX(COALESCE((SELECT MAX("Id") FROM "{table}"), 0),
                        COALESCE((SELECT "seq" FROM sqlite_sequence WHERE "name" = '{table}'), 0));
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The tables keep AUTOINCREMENT, so sqlite_sequence must not fall behind the ids given from IdBlocks.
            foreach (var table in TablesWithKnownIds)
            {
                migrationBuilder.Sql($"""
                    UPDATE sqlite_sequence SET "seq" = (SELECT "LastId" FROM "IdBlocks" WHERE "Name" = '{table}Ids')
                    WHERE "name" = '{table}' AND "seq" < (SELECT "LastId" FROM "IdBlocks" WHERE "Name" = '{table}Ids');
                    """);
            }

            migrationBuilder.DropTable(
                name: "IdBlocks");
        }
    }
}
