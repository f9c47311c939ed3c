using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MentoringPortal.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class IdsBeforeSaving : Migration
    {
        private static readonly string[] TablesWithKnownIds = ["Programmes", "ContactRequests", "MenteeApplications", "Mentorships", "Meetings"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "ContactRequestsIds",
                incrementBy: 10);

            migrationBuilder.CreateSequence(
                name: "MeetingsIds",
                incrementBy: 10);

            migrationBuilder.CreateSequence(
                name: "MenteeApplicationsIds",
                incrementBy: 10);

            migrationBuilder.CreateSequence(
                name: "MentorshipsIds",
                incrementBy: 10);

            migrationBuilder.CreateSequence(
                name: "ProgrammesIds",
                incrementBy: 10);

            // Each sequence starts past the highest id its table ever gave (the identity may have given ids since deleted),
            // so a link in an email already sent never comes to point at a new row. Read before the identity is dropped.
            foreach (var table in TablesWithKnownIds)
            {
                migrationBuilder.Sql($"""
                    SELECT setval('"{table}Ids"', GREATEST(
                        COALESCE((SELECT MAX("Id") FROM "{table}"), 0),
                        COALESCE(pg_sequence_last_value(pg_get_serial_sequence('"{table}"', 'Id')::regclass), 0)) + 1, false);
                    """);
            }

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "Programmes",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "Mentorships",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "MenteeApplications",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "Meetings",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "ContactRequests",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropSequence(
                name: "ContactRequestsIds");

            migrationBuilder.DropSequence(
                name: "MeetingsIds");

            migrationBuilder.DropSequence(
                name: "MenteeApplicationsIds");

            migrationBuilder.DropSequence(
                name: "MentorshipsIds");

            migrationBuilder.DropSequence(
                name: "ProgrammesIds");

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "Programmes",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "Mentorships",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "MenteeApplications",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "Meetings",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "ContactRequests",
                type: "integer",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            // The identities come back at 1: each is moved past the ids the sequences gave.
            foreach (var table in TablesWithKnownIds)
            {
                migrationBuilder.Sql($"""
                    SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), COALESCE((SELECT MAX("Id") FROM "{table}"), 0) + 1, false);
                    """);
            }
        }
    }
}
