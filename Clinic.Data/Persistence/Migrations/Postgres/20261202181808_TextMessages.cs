using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clinic.Data.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TextMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "TextToWrite",
                table: "Outbox",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Reminders written before text messages existed get theirs too when they fall due.
            migrationBuilder.Sql("UPDATE \"Outbox\" SET \"TextToWrite\" = TRUE WHERE \"Kind\" = 'Reminder' AND \"Status\" = 'Pending';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TextToWrite",
                table: "Outbox");
        }
    }
}
