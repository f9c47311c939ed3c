using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SingleSignOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SignInPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    AdministratorsUseSingleSignOn = table.Column<bool>(type: "bit", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInPolicies", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignInPolicies");
        }
    }
}
