using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgreementsAndRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeetingRatings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    RaterUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Rater = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Usefulness = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRatings", x => x.Id);
                    table.CheckConstraint("CK_MeetingRatings_UsefulnessOneToFive", "\"Usefulness\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_MeetingRatings_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingRatings_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MentoringAgreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PairingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Meetings = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Confidentiality = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MenteeExpectations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MentorExpectations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Ending = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    LastChangedBy = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MenteeConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MentorConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentoringAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentoringAgreements_Pairings_PairingId",
                        column: x => x.PairingId,
                        principalTable: "Pairings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRatings_MeetingId_RaterUserId",
                table: "MeetingRatings",
                columns: new[] { "MeetingId", "RaterUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRatings_ProgrammeId",
                table: "MeetingRatings",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRatings_RaterUserId",
                table: "MeetingRatings",
                column: "RaterUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MentoringAgreements_PairingId",
                table: "MentoringAgreements",
                column: "PairingId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MeetingRatings");

            migrationBuilder.DropTable(
                name: "MentoringAgreements");
        }
    }
}
