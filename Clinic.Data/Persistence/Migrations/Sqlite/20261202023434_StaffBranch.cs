using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clinic.Data.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StaffBranch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The column carries its reference: adding a constraint would rebuild the users' table (see Branches).
            migrationBuilder.Sql("""ALTER TABLE "AspNetUsers" ADD "BranchId" TEXT NULL CONSTRAINT "FK_AspNetUsers_Branches_BranchId" REFERENCES "Branches" ("Id") ON DELETE SET NULL;""");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_BranchId",
                table: "AspNetUsers",
                column: "BranchId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite drops a column that references another table only by rebuilding the table: it is emptied and left unused.
            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_BranchId",
                table: "AspNetUsers");

            migrationBuilder.Sql("""UPDATE "AspNetUsers" SET "BranchId" = NULL;""");
        }
    }
}
