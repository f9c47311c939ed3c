using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AdministratorsDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TrainingValidityMonths",
                table: "Programmes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Weights_DifferentBackground",
                table: "Programmes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Weights_Expertise",
                table: "Programmes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Weights_FreePlaces",
                table: "Programmes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Weights_MeetingMode",
                table: "Programmes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Weights_SameRegion",
                table: "Programmes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Approval",
                table: "Mentors",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "DeclineMessage",
                table: "Mentors",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DeclinedAt",
                table: "Mentors",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignedUpAt",
                table: "Mentors",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrainingDeclared",
                table: "Mentors",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TrainingReminderSentFor",
                table: "Mentors",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Response",
                table: "ChangeRequests",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ProgrammeId",
                table: "AuditEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "MenteeApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MenteeId = table.Column<int>(type: "integer", nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Statement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Conflicts = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AvoidOwnOrganisation = table.Column<bool>(type: "boolean", nullable: false),
                    PreferredModes = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionMessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MentorshipId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MenteeApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MenteeApplications_Mentees_MenteeId",
                        column: x => x.MenteeId,
                        principalTable: "Mentees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MenteeApplications_Mentorships_MentorshipId",
                        column: x => x.MentorshipId,
                        principalTable: "Mentorships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MenteeApplications_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeAdministrators",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeAdministrators", x => new { x.UserId, x.ProgrammeId });
                    table.ForeignKey(
                        name: "FK_ProgrammeAdministrators_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgrammeAdministrators_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TrainingRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MentorId = table.Column<int>(type: "integer", nullable: false),
                    Course = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    IsSchemeCourse = table.Column<bool>(type: "boolean", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingRecords_Mentors_MentorId",
                        column: x => x.MentorId,
                        principalTable: "Mentors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Mentors_Approval",
                table: "Mentors",
                column: "Approval");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ProgrammeId_At",
                table: "AuditEntries",
                columns: new[] { "ProgrammeId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MenteeApplications_MentorshipId",
                table: "MenteeApplications",
                column: "MentorshipId");

            migrationBuilder.CreateIndex(
                name: "IX_MenteeApplications_OneWaitingPerMenteeAndProgramme",
                table: "MenteeApplications",
                columns: new[] { "MenteeId", "ProgrammeId" },
                unique: true,
                filter: "\"Status\" = 'Waiting'");

            migrationBuilder.CreateIndex(
                name: "IX_MenteeApplications_ProgrammeId_Status_SubmittedAt",
                table: "MenteeApplications",
                columns: new[] { "ProgrammeId", "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeAdministrators_ProgrammeId",
                table: "ProgrammeAdministrators",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingRecords_MentorId_CompletedOn",
                table: "TrainingRecords",
                columns: new[] { "MentorId", "CompletedOn" });

            migrationBuilder.AddForeignKey(
                name: "FK_AuditEntries_Programmes_ProgrammeId",
                table: "AuditEntries",
                column: "ProgrammeId",
                principalTable: "Programmes",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AuditEntries_Programmes_ProgrammeId",
                table: "AuditEntries");

            migrationBuilder.DropTable(
                name: "MenteeApplications");

            migrationBuilder.DropTable(
                name: "ProgrammeAdministrators");

            migrationBuilder.DropTable(
                name: "TrainingRecords");

            migrationBuilder.DropIndex(
                name: "IX_Mentors_Approval",
                table: "Mentors");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ProgrammeId_At",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "TrainingValidityMonths",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Weights_DifferentBackground",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Weights_Expertise",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Weights_FreePlaces",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Weights_MeetingMode",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Weights_SameRegion",
                table: "Programmes");

            migrationBuilder.DropColumn(
                name: "Approval",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "DeclineMessage",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "DeclinedAt",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "SignedUpAt",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "TrainingDeclared",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "TrainingReminderSentFor",
                table: "Mentors");

            migrationBuilder.DropColumn(
                name: "Response",
                table: "ChangeRequests");

            migrationBuilder.DropColumn(
                name: "ProgrammeId",
                table: "AuditEntries");
        }
    }
}
