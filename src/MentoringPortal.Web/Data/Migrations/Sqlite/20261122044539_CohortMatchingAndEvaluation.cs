using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CohortMatchingAndEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MinimumMatchScore",
                table: "Programmes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CohortRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Placed = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicantCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ChoicesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ProposalJson = table.Column<string>(type: "TEXT", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CohortRuns_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MentorshipId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Respondent = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InvitationSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReminderSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Knowledge = table.Column<int>(type: "INTEGER", nullable: true),
                    Performance = table.Column<int>(type: "INTEGER", nullable: true),
                    ProblemSolving = table.Column<int>(type: "INTEGER", nullable: true),
                    Confidence = table.Column<int>(type: "INTEGER", nullable: true),
                    Leadership = table.Column<int>(type: "INTEGER", nullable: true),
                    Network = table.Column<int>(type: "INTEGER", nullable: true),
                    Satisfaction = table.Column<int>(type: "INTEGER", nullable: true),
                    WouldRecommend = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    WhatWorked = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WhatCouldBeBetter = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EndingReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    WhatWouldHaveHelped = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Mentorships_MentorshipId",
                        column: x => x.MentorshipId,
                        principalTable: "Mentorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SurveyGoalProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Horizon = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartRating = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewRating = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyGoalProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyGoalProgress_SurveyResponses_SurveyResponseId",
                        column: x => x.SurveyResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CohortRuns_ProgrammeId_StartedAt",
                table: "CohortRuns",
                columns: new[] { "ProgrammeId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CohortRuns_Status",
                table: "CohortRuns",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyGoalProgress_SurveyResponseId",
                table: "SurveyGoalProgress",
                column: "SurveyResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_MentorshipId_Kind_Respondent",
                table: "SurveyResponses",
                columns: new[] { "MentorshipId", "Kind", "Respondent" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_ProgrammeId_Kind_SubmittedAt",
                table: "SurveyResponses",
                columns: new[] { "ProgrammeId", "Kind", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CohortRuns");

            migrationBuilder.DropTable(
                name: "SurveyGoalProgress");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropColumn(
                name: "MinimumMatchScore",
                table: "Programmes");
        }
    }
}
