using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.PostgreSql
{
    /// <summary>One word for one thing: the Mentorships table and its MentorshipId columns are renamed, keeping every row.</summary>
    public partial class OnePairingWord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChangeRequests_Mentorships_MentorshipId",
                table: "ChangeRequests");

            migrationBuilder.DropForeignKey(
                name: "FK_Meetings_Mentorships_MentorshipId",
                table: "Meetings");

            migrationBuilder.DropForeignKey(
                name: "FK_MenteeApplications_Mentorships_MentorshipId",
                table: "MenteeApplications");

            migrationBuilder.DropForeignKey(
                name: "FK_SurveyResponses_Mentorships_MentorshipId",
                table: "SurveyResponses");

            migrationBuilder.DropForeignKey(
                name: "FK_Mentorships_Mentees_MenteeId",
                table: "Mentorships");

            migrationBuilder.DropForeignKey(
                name: "FK_Mentorships_Mentors_MentorId",
                table: "Mentorships");

            migrationBuilder.DropForeignKey(
                name: "FK_Mentorships_Programmes_ProgrammeId",
                table: "Mentorships");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Mentorships",
                table: "Mentorships");

            migrationBuilder.RenameTable(
                name: "Mentorships",
                newName: "Pairings");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Pairings",
                table: "Pairings",
                column: "Id");

            migrationBuilder.RenameSequence(
                name: "MentorshipsIds",
                newName: "PairingsIds");

            migrationBuilder.RenameIndex(
                name: "IX_Mentorships_MentorId_Status",
                table: "Pairings",
                newName: "IX_Pairings_MentorId_Status");

            migrationBuilder.RenameIndex(
                name: "IX_Mentorships_OneActivePerMenteeAndProgramme",
                table: "Pairings",
                newName: "IX_Pairings_OneActivePerMenteeAndProgramme");

            migrationBuilder.RenameIndex(
                name: "IX_Mentorships_ProgrammeId",
                table: "Pairings",
                newName: "IX_Pairings_ProgrammeId");

            migrationBuilder.RenameColumn(
                name: "MentorshipId",
                table: "SurveyResponses",
                newName: "PairingId");

            migrationBuilder.RenameIndex(
                name: "IX_SurveyResponses_MentorshipId_Kind_Respondent",
                table: "SurveyResponses",
                newName: "IX_SurveyResponses_PairingId_Kind_Respondent");

            migrationBuilder.RenameColumn(
                name: "MentorshipId",
                table: "MenteeApplications",
                newName: "PairingId");

            migrationBuilder.RenameIndex(
                name: "IX_MenteeApplications_MentorshipId",
                table: "MenteeApplications",
                newName: "IX_MenteeApplications_PairingId");

            migrationBuilder.RenameColumn(
                name: "MentorshipId",
                table: "Meetings",
                newName: "PairingId");

            migrationBuilder.RenameIndex(
                name: "IX_Meetings_MentorshipId_StartsAt",
                table: "Meetings",
                newName: "IX_Meetings_PairingId_StartsAt");

            migrationBuilder.RenameColumn(
                name: "MentorshipId",
                table: "ChangeRequests",
                newName: "PairingId");

            migrationBuilder.RenameIndex(
                name: "IX_ChangeRequests_MentorshipId",
                table: "ChangeRequests",
                newName: "IX_ChangeRequests_PairingId");

            migrationBuilder.AddForeignKey(
                name: "FK_Pairings_Mentees_MenteeId",
                table: "Pairings",
                column: "MenteeId",
                principalTable: "Mentees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Pairings_Mentors_MentorId",
                table: "Pairings",
                column: "MentorId",
                principalTable: "Mentors",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Pairings_Programmes_ProgrammeId",
                table: "Pairings",
                column: "ProgrammeId",
                principalTable: "Programmes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ChangeRequests_Pairings_PairingId",
                table: "ChangeRequests",
                column: "PairingId",
                principalTable: "Pairings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_Pairings_PairingId",
                table: "Meetings",
                column: "PairingId",
                principalTable: "Pairings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MenteeApplications_Pairings_PairingId",
                table: "MenteeApplications",
                column: "PairingId",
                principalTable: "Pairings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SurveyResponses_Pairings_PairingId",
                table: "SurveyResponses",
                column: "PairingId",
                principalTable: "Pairings",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChangeRequests_Pairings_PairingId",
                table: "ChangeRequests");

            migrationBuilder.DropForeignKey(
                name: "FK_Meetings_Pairings_PairingId",
                table: "Meetings");

            migrationBuilder.DropForeignKey(
                name: "FK_MenteeApplications_Pairings_PairingId",
                table: "MenteeApplications");

            migrationBuilder.DropForeignKey(
                name: "FK_SurveyResponses_Pairings_PairingId",
                table: "SurveyResponses");

            migrationBuilder.DropForeignKey(
                name: "FK_Pairings_Mentees_MenteeId",
                table: "Pairings");

            migrationBuilder.DropForeignKey(
                name: "FK_Pairings_Mentors_MentorId",
                table: "Pairings");

            migrationBuilder.DropForeignKey(
                name: "FK_Pairings_Programmes_ProgrammeId",
                table: "Pairings");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Pairings",
                table: "Pairings");

            migrationBuilder.RenameTable(
                name: "Pairings",
                newName: "Mentorships");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Mentorships",
                table: "Mentorships",
                column: "Id");

            migrationBuilder.RenameSequence(
                name: "PairingsIds",
                newName: "MentorshipsIds");

            migrationBuilder.RenameIndex(
                name: "IX_Pairings_MentorId_Status",
                table: "Mentorships",
                newName: "IX_Mentorships_MentorId_Status");

            migrationBuilder.RenameIndex(
                name: "IX_Pairings_OneActivePerMenteeAndProgramme",
                table: "Mentorships",
                newName: "IX_Mentorships_OneActivePerMenteeAndProgramme");

            migrationBuilder.RenameIndex(
                name: "IX_Pairings_ProgrammeId",
                table: "Mentorships",
                newName: "IX_Mentorships_ProgrammeId");

            migrationBuilder.RenameColumn(
                name: "PairingId",
                table: "SurveyResponses",
                newName: "MentorshipId");

            migrationBuilder.RenameIndex(
                name: "IX_SurveyResponses_PairingId_Kind_Respondent",
                table: "SurveyResponses",
                newName: "IX_SurveyResponses_MentorshipId_Kind_Respondent");

            migrationBuilder.RenameColumn(
                name: "PairingId",
                table: "MenteeApplications",
                newName: "MentorshipId");

            migrationBuilder.RenameIndex(
                name: "IX_MenteeApplications_PairingId",
                table: "MenteeApplications",
                newName: "IX_MenteeApplications_MentorshipId");

            migrationBuilder.RenameColumn(
                name: "PairingId",
                table: "Meetings",
                newName: "MentorshipId");

            migrationBuilder.RenameIndex(
                name: "IX_Meetings_PairingId_StartsAt",
                table: "Meetings",
                newName: "IX_Meetings_MentorshipId_StartsAt");

            migrationBuilder.RenameColumn(
                name: "PairingId",
                table: "ChangeRequests",
                newName: "MentorshipId");

            migrationBuilder.RenameIndex(
                name: "IX_ChangeRequests_PairingId",
                table: "ChangeRequests",
                newName: "IX_ChangeRequests_MentorshipId");

            migrationBuilder.AddForeignKey(
                name: "FK_Mentorships_Mentees_MenteeId",
                table: "Mentorships",
                column: "MenteeId",
                principalTable: "Mentees",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Mentorships_Mentors_MentorId",
                table: "Mentorships",
                column: "MentorId",
                principalTable: "Mentors",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Mentorships_Programmes_ProgrammeId",
                table: "Mentorships",
                column: "ProgrammeId",
                principalTable: "Programmes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ChangeRequests_Mentorships_MentorshipId",
                table: "ChangeRequests",
                column: "MentorshipId",
                principalTable: "Mentorships",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Meetings_Mentorships_MentorshipId",
                table: "Meetings",
                column: "MentorshipId",
                principalTable: "Mentorships",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MenteeApplications_Mentorships_MentorshipId",
                table: "MenteeApplications",
                column: "MentorshipId",
                principalTable: "Mentorships",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_SurveyResponses_Mentorships_MentorshipId",
                table: "SurveyResponses",
                column: "MentorshipId",
                principalTable: "Mentorships",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
