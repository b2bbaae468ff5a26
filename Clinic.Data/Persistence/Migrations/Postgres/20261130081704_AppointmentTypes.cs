using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clinic.Data.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AppointmentTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BufferMinutes",
                table: "Services",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Colour",
                table: "Services",
                type: "character varying(7)",
                maxLength: 7,
                nullable: false,
                defaultValue: "#00897B");

            migrationBuilder.AddColumn<bool>(
                name: "IsActive",
                table: "Services",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsOnline",
                table: "Services",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ServiceDoctors",
                columns: table => new
                {
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    DoctorId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceDoctors", x => new { x.ServiceId, x.DoctorId });
                    table.ForeignKey(
                        name: "FK_ServiceDoctors_Doctors_DoctorId",
                        column: x => x.DoctorId,
                        principalTable: "Doctors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceDoctors_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDoctors_DoctorId",
                table: "ServiceDoctors",
                column: "DoctorId");

            // Until now every service was offered by every doctor: so it stays, until the owner says otherwise.
            migrationBuilder.Sql("INSERT INTO \"ServiceDoctors\" (\"ServiceId\", \"DoctorId\") SELECT s.\"Id\", d.\"Id\" FROM \"Services\" s CROSS JOIN \"Doctors\" d;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceDoctors");

            migrationBuilder.DropColumn(
                name: "BufferMinutes",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "Colour",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "IsActive",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "IsOnline",
                table: "Services");
        }
    }
}
