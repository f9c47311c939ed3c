using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.Sqlite
{
    /// <summary>One word for one thing: the Mentorships table and its MentorshipId columns are renamed, keeping every row.</summary>
    public partial class OnePairingWord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(
                name: "Mentorships",
                newName: "Pairings");

            migrationBuilder.Sql("UPDATE \"IdBlocks\" SET \"Name\" = 'PairingsIds' WHERE \"Name\" = 'MentorshipsIds'");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(
                name: "Pairings",
                newName: "Mentorships");

            migrationBuilder.Sql("UPDATE \"IdBlocks\" SET \"Name\" = 'MentorshipsIds' WHERE \"Name\" = 'PairingsIds'");

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
        }
    }
}
