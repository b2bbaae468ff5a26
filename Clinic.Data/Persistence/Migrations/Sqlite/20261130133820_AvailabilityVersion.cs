using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clinic.Data.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AvailabilityVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AvailabilityVersion",
                table: "Doctors",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Any change to what a doctor's availability is computed from raises the doctor's
            // version in the same transaction, whichever code or tool makes it (AvailabilityStamp).
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Seats_Insert_Availability" AFTER INSERT ON "Seats"
                BEGIN UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" IN (NEW."DoctorId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Seats_Delete_Availability" AFTER DELETE ON "Seats"
                BEGIN UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" IN (OLD."DoctorId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Seats_Update_Availability" AFTER UPDATE ON "Seats"
                BEGIN UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" IN (OLD."DoctorId", NEW."DoctorId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_WeeklyRules_Insert_Availability" AFTER INSERT ON "WeeklyRules"
                BEGIN UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" IN (NEW."DoctorId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_WeeklyRules_Delete_Availability" AFTER DELETE ON "WeeklyRules"
                BEGIN UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" IN (OLD."DoctorId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_WeeklyRules_Update_Availability" AFTER UPDATE ON "WeeklyRules"
                BEGIN UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" IN (OLD."DoctorId", NEW."DoctorId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_ScheduleExceptions_Insert_Availability" AFTER INSERT ON "ScheduleExceptions"
                BEGIN UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" IN (NEW."DoctorId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_ScheduleExceptions_Delete_Availability" AFTER DELETE ON "ScheduleExceptions"
                BEGIN UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" IN (OLD."DoctorId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_ScheduleExceptions_Update_Availability" AFTER UPDATE ON "ScheduleExceptions"
                BEGIN UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" IN (OLD."DoctorId", NEW."DoctorId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_SlotSwitches_Insert_Availability" AFTER INSERT ON "SlotSwitches"
                BEGIN UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" IN (NEW."DoctorId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_SlotSwitches_Delete_Availability" AFTER DELETE ON "SlotSwitches"
                BEGIN UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" IN (OLD."DoctorId"); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_SlotSwitches_Update_Availability" AFTER UPDATE ON "SlotSwitches"
                BEGIN UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" IN (OLD."DoctorId", NEW."DoctorId"); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Seats_Insert_Availability\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Seats_Delete_Availability\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Seats_Update_Availability\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_WeeklyRules_Insert_Availability\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_WeeklyRules_Delete_Availability\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_WeeklyRules_Update_Availability\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ScheduleExceptions_Insert_Availability\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ScheduleExceptions_Delete_Availability\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_ScheduleExceptions_Update_Availability\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_SlotSwitches_Insert_Availability\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_SlotSwitches_Delete_Availability\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_SlotSwitches_Update_Availability\";");
            migrationBuilder.DropColumn(
                name: "AvailabilityVersion",
                table: "Doctors");
        }
    }
}
