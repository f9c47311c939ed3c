using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "FreePlaces",
                table: "Mentors",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "InChoosingProgramme",
                table: "Mentors",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_Directory_Availability",
                table: "Mentors",
                columns: new[] { "DirectoryState", "DisplayName", "Id" },
                filter: "[DirectoryState] > 0");

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_Directory_Name",
                table: "Mentors",
                columns: new[] { "DisplayName", "Id" },
                filter: "[DirectoryState] > 0");

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_Directory_Newest",
                table: "Mentors",
                columns: new[] { "CreatedAt", "Id" },
                filter: "[DirectoryState] > 0");
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
