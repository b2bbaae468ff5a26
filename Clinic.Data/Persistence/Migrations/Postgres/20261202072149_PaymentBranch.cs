using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clinic.Data.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PaymentBranch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "BranchId",
                table: "Payments",
                type: "uuid",
                nullable: true);

            // Money taken before this was counted where the visit's doctor works now; it keeps that place.
            migrationBuilder.Sql("""UPDATE "Payments" p SET "BranchId" = d."BranchId" FROM "Appointments" a JOIN "Doctors" d ON d."Id" = a."DoctorId" WHERE a."Id" = p."AppointmentId";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BranchId",
                table: "Payments");
        }
    }
}
