using System.Linq.Expressions;
using Clinic.Domain.Appointments;

namespace Clinic.Data.Booking;

/// <summary>
/// "Holds a seat" for compiled queries, built from the domain's list of seat-holding statuses: a
/// compiled query takes no list parameter, and the statuses written out become the same
/// <c>IN (...)</c> as the seat index's filter.
/// </summary>
internal static class SeatHolders
{
    public static readonly Expression<Func<Appointment, bool>> Only = Build();

    private static Expression<Func<Appointment, bool>> Build()
    {
        var appointment = Expression.Parameter(typeof(Appointment), "a");
        var status = Expression.Property(appointment, nameof(Appointment.Status));
        var any = AppointmentStatuses.SeatHolding
            .Select(s => (Expression)Expression.Equal(status, Expression.Constant(s)))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Appointment, bool>>(any, appointment);
    }
}
