using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clinic.Data.Persistence;

/// <summary>
/// A compiled query for each model it meets. EF ties a compiled query to the model it first ran
/// with and refuses any other; one process may hold a SQLite and a PostgreSQL model (the database
/// copy, the tests, the benchmarks), so each model gets its own compilation, made once.
/// </summary>
internal sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = [];

    public TQuery For(DbContext db) => compiled.GetValue(db.Model, _ => compile());
}
