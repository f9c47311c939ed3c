using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DirectoryAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DirectoryState",
                table: "Mentors",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FreePlaces",
                table: "Mentors",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "InChoosingProgramme",
                table: "Mentors",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "Mentors",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english', \"DisplayName\" || ' ' || \"Specialty\"), 'A')\n|| setweight(to_tsvector('english', \"Expertise\"), 'B')\n|| setweight(to_tsvector('english', \"Bio\"), 'C')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_Directory_Availability",
                table: "Mentors",
                columns: new[] { "DirectoryState", "DisplayName", "Id" },
                filter: "\"DirectoryState\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_Directory_Name",
                table: "Mentors",
                columns: new[] { "DisplayName", "Id" },
                filter: "\"DirectoryState\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_Directory_Newest",
                table: "Mentors",
                columns: new[] { "CreatedAt", "Id" },
                filter: "\"DirectoryState\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_SearchVector",
                table: "Mentors",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Mentors_Directory_Availability",
                table: "Mentors");

            migrationBuilder.DropIndex(
                name: "IX_Mentors_Directory_Name",
                table: "Mentors");

            migrationBuilder.DropIndex(
                name: "IX_Mentors_Directory_Newest",
                table: "Mentors");

            migrationBuilder.DropIndex(
                name: "IX_Mentors_SearchVector",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "DirectoryState",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "FreePlaces",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "InChoosingProgramme",
                table: "Mentors");
        }
    }
}
