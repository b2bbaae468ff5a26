using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clinic.Data.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Waitlist : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "UX_Appointments_Seat",
                table: "Appointments");

            migrationBuilder.AddColumn<long>(
                name: "OfferExpiresUtc",
                table: "Appointments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Waitlist",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientUserId = table.Column<string>(type: "TEXT", nullable: false),
                    DoctorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    OfferAppointmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Waitlist", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Waitlist_Appointments_OfferAppointmentId",
                        column: x => x.OfferAppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Waitlist_AspNetUsers_PatientUserId",
                        column: x => x.PatientUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Waitlist_Doctors_DoctorId",
                        column: x => x.DoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_Status_OfferExpiresUtc",
                table: "Appointments",
                columns: new[] { "Status", "OfferExpiresUtc" });

            migrationBuilder.CreateIndex(
                name: "UX_Appointments_Seat",
                table: "Appointments",
                columns: new[] { "DoctorId", "StartUtc", "SeatNumber" },
                unique: true,
                filter: "\"Status\" IN ('Pending', 'Confirmed', 'Completed', 'Offered')");

            migrationBuilder.CreateIndex(
                name: "IX_Waitlist_DoctorId_Status_CreatedUtc",
                table: "Waitlist",
                columns: new[] { "DoctorId", "Status", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Waitlist_OfferAppointmentId",
                table: "Waitlist",
                column: "OfferAppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Waitlist_PatientUserId_Status",
                table: "Waitlist",
                columns: new[] { "PatientUserId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Waitlist");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_Status_OfferExpiresUtc",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "UX_Appointments_Seat",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "OfferExpiresUtc",
                table: "Appointments");

            migrationBuilder.CreateIndex(
                name: "UX_Appointments_Seat",
                table: "Appointments",
                columns: new[] { "DoctorId", "StartUtc", "SeatNumber" },
                unique: true,
                filter: "\"Status\" IN ('Pending', 'Confirmed', 'Completed')");
        }
    }
}
