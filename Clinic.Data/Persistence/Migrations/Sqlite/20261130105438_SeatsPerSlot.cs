using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clinic.Data.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeatsPerSlot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Appointments_Seat",
                table: "Appointments");

            migrationBuilder.CreateTable(
                name: "Seats",
                columns: table => new
                {
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    SeatNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    AppointmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Seats", x => new { x.DoctorId, x.StartUtc, x.SeatNumber });
                    table.ForeignKey(
                        name: "FK_Seats_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Seats_AppointmentId",
                table: "Seats",
                column: "AppointmentId");

            // Every appointment that holds its seat today holds it as a row here (one slot each, as before).
            migrationBuilder.Sql("""
                INSERT INTO "Seats" ("DoctorId", "StartUtc", "SeatNumber", "AppointmentId")
                SELECT "DoctorId", "StartUtc", "SeatNumber", "Id" FROM "Appointments"
                WHERE "Status" IN ('Pending', 'Confirmed', 'Completed', 'Offered');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Seats");

            migrationBuilder.CreateIndex(
                name: "UX_Appointments_Seat",
                table: "Appointments",
                columns: new[] { "DoctorId", "StartUtc", "SeatNumber" },
                unique: true,
                filter: "\"Status\" IN ('Pending', 'Confirmed', 'Completed', 'Offered')");
        }
    }
}
