using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.PostgreSql
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
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "CohortRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    StartedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Placed = table.Column<int>(type: "integer", nullable: false),
                    ApplicantCount = table.Column<int>(type: "integer", nullable: false),
                    ChoicesJson = table.Column<string>(type: "text", nullable: false),
                    ProposalJson = table.Column<string>(type: "text", nullable: true),
                    Failure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MentorshipId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Respondent = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    InvitationSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReminderSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SavedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Knowledge = table.Column<int>(type: "integer", nullable: true),
                    Performance = table.Column<int>(type: "integer", nullable: true),
                    ProblemSolving = table.Column<int>(type: "integer", nullable: true),
                    Confidence = table.Column<int>(type: "integer", nullable: true),
                    Leadership = table.Column<int>(type: "integer", nullable: true),
                    Network = table.Column<int>(type: "integer", nullable: true),
                    Satisfaction = table.Column<int>(type: "integer", nullable: true),
                    WouldRecommend = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    WhatWorked = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WhatCouldBeBetter = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EndingReason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    WhatWouldHaveHelped = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyResponseId = table.Column<int>(type: "integer", nullable: false),
                    Horizon = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartRating = table.Column<int>(type: "integer", nullable: true),
                    ReviewRating = table.Column<int>(type: "integer", nullable: false)
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
