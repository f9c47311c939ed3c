using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MentorProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MenteeApplications_OneWaitingPerMenteeAndProgramme",
                table: "MenteeApplications");

            migrationBuilder.AddColumn<int>(
                name: "ProposalAnswerDays",
                table: "Programmes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 7);

            migrationBuilder.CreateTable(
                name: "MentorProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    MentorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnswerBy = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DeclineNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MentorProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MentorProposals_MenteeApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "MenteeApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MentorProposals_Mentors_MentorId",
                        column: x => x.MentorId,
                        principalTable: "Mentors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MenteeApplications_OneWaitingPerMenteeAndProgramme",
                table: "MenteeApplications",
                columns: new[] { "MenteeId", "ProgrammeId" },
                unique: true,
                filter: "\"Status\" IN ('Waiting', 'Proposed')");

            migrationBuilder.CreateIndex(
                name: "IX_MentorProposals_MentorId_Status",
                table: "MentorProposals",
                columns: new[] { "MentorId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MentorProposals_OneWaitingPerApplication",
                table: "MentorProposals",
                column: "ApplicationId",
                unique: true,
                filter: "\"Status\" = 'Waiting'");

            migrationBuilder.CreateIndex(
                name: "IX_MentorProposals_Status_AnswerBy",
                table: "MentorProposals",
                columns: new[] { "Status", "AnswerBy" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MentorProposals");

            migrationBuilder.DropIndex(
                name: "IX_MenteeApplications_OneWaitingPerMenteeAndProgramme",
                table: "MenteeApplications");

            migrationBuilder.DropColumn(
                name: "ProposalAnswerDays",
                table: "Programmes");

            migrationBuilder.CreateIndex(
                name: "IX_MenteeApplications_OneWaitingPerMenteeAndProgramme",
                table: "MenteeApplications",
                columns: new[] { "MenteeId", "ProgrammeId" },
                unique: true,
                filter: "\"Status\" = 'Waiting'");
        }
    }
}
