namespace AgentHost.Storage.Sqlite;

/// <summary>
/// One SQL statement of the store and the names of its parameters. Each <see cref="PooledSqliteConnection"/> prepares
/// a statement once, on first use, and keeps the prepared command (keyed by this instance, whose SQL never changes).
/// </summary>
/// <param name="sql">The SQL text.</param>
/// <param name="parameterNames">The parameters the SQL uses, e.g. <c>$session</c>.</param>
internal sealed class SqliteStatement(string sql, params string[] parameterNames)
{
    /// <summary>The SQL text.</summary>
    public string Sql { get; } = sql;

    /// <summary>The parameters the SQL uses, e.g. <c>$session</c>; each is added to the prepared command once.</summary>
    public IReadOnlyList<string> ParameterNames { get; } = parameterNames;
}
