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
            migrationBuilder.CreateIndex(
                name: "IX_Mentors_Directory_Filters",
                table: "Mentors",
                columns: new[] { "Specialty", "Region", "DirectoryState" },
                filter: "[DirectoryState] > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Mentors_Directory_Filters",
                table: "Mentors");
        }
    }
}
