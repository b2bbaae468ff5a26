using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Clinic.Data.Persistence.Migrations.Postgres
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
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Any change to what a doctor's availability is computed from raises the doctor's
            // version in the same transaction, whichever code or tool makes it (AvailabilityStamp).
            migrationBuilder.Sql("""
                CREATE FUNCTION clinic_raise_availability_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" = OLD."DoctorId";
                    END IF;
                    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."DoctorId" <> OLD."DoctorId") THEN
                        UPDATE "Doctors" SET "AvailabilityVersion" = "AvailabilityVersion" + 1 WHERE "Id" = NEW."DoctorId";
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "TR_Seats_Availability" AFTER INSERT OR UPDATE OR DELETE ON "Seats"
                    FOR EACH ROW EXECUTE FUNCTION clinic_raise_availability_version();
                CREATE TRIGGER "TR_WeeklyRules_Availability" AFTER INSERT OR UPDATE OR DELETE ON "WeeklyRules"
                    FOR EACH ROW EXECUTE FUNCTION clinic_raise_availability_version();
                CREATE TRIGGER "TR_ScheduleExceptions_Availability" AFTER INSERT OR UPDATE OR DELETE ON "ScheduleExceptions"
                    FOR EACH ROW EXECUTE FUNCTION clinic_raise_availability_version();
                CREATE TRIGGER "TR_SlotSwitches_Availability" AFTER INSERT OR UPDATE OR DELETE ON "SlotSwitches"
                    FOR EACH ROW EXECUTE FUNCTION clinic_raise_availability_version();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "TR_Seats_Availability" ON "Seats";
                DROP TRIGGER IF EXISTS "TR_WeeklyRules_Availability" ON "WeeklyRules";
                DROP TRIGGER IF EXISTS "TR_ScheduleExceptions_Availability" ON "ScheduleExceptions";
                DROP TRIGGER IF EXISTS "TR_SlotSwitches_Availability" ON "SlotSwitches";
                DROP FUNCTION IF EXISTS clinic_raise_availability_version();
                """);
            migrationBuilder.DropColumn(
                name: "AvailabilityVersion",
                table: "Doctors");
        }
    }
}
