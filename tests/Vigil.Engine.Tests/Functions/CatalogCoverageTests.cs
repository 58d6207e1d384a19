using System.Globalization;
using System.Text.RegularExpressions;
using Vigil.Engine.Tests.Query;
using Vigil.Kql.Symbols;
using Vigil.Testing;
using Xunit.Abstractions;

namespace Vigil.Engine.Tests.Functions;

/// <summary>
/// How many of the catalog's live scalar functions (section 4 of shared/reference/kql-catalog.md, without the rows
/// marked obsolete or hidden) the engine runs. Each is called once with arguments of its documented parameter types
/// (or a query of its own where the generated call cannot be meaningful); a function counts as implemented when that
/// query runs, or fails for any reason other than NotSupported. Prints the missing ones; fails when fewer than the
/// floor run.
/// </summary>
public partial class CatalogCoverageTests(ITestOutputHelper output)
{
    /// <summary>Functions that ran when last measured; raise it as the library grows.</summary>
    private const int ImplementedFloor = 361;

    private const string Graph = "datatable(s:string, d:string, kind:string)['x', 'y', 'k'] | make-graph s --> d with_node_id=n | graph-match ";

    /// <summary>Calls whose arguments must be specific values (a table name, a unit, a look-up kind, a window).</summary>
    private static readonly Dictionary<string, string> Queries = new(StringComparer.Ordinal)
    {
        ["table"] = "let T = datatable(x:long)[1]; table('T') | count",
        ["cluster"] = "cluster('help').database('Samples').StormEvents | count",
        ["database"] = "database('Samples').StormEvents | count",
        ["external_table"] = "external_table('T') | count",
        ["materialized_view"] = "materialized_view('V') | count",
        ["entity_group"] = "union (entity_group('G')) | count",
        ["stored_query_result"] = "stored_query_result('R') | count",
        ["graph"] = "graph('G') | graph-match (a) project a",
        ["row_number"] = "range x from 1 to 3 step 1 | serialize | extend r = row_number()",
        ["row_cumsum"] = "range x from 1 to 3 step 1 | serialize | extend r = row_cumsum(x)",
        ["row_rank_dense"] = "range x from 1 to 3 step 1 | serialize | extend r = row_rank_dense(x)",
        ["row_rank_min"] = "range x from 1 to 3 step 1 | serialize | extend r = row_rank_min(x)",
        ["row_window_session"] = "range x from 1 to 3 step 1 | extend t = datetime(2024-01-01) + x * 1m | serialize | extend r = row_window_session(t, 1h, 5m)",
        ["prev"] = "range x from 1 to 3 step 1 | serialize | extend r = prev(x)",
        ["next"] = "range x from 1 to 3 step 1 | serialize | extend r = next(x)",
        ["toscalar"] = "print toscalar(print 1)",
        ["column_names_of"] = "print column_names_of(datatable(x:long)[1])",
        ["extent_id"] = "datatable(x:long)[1] | extend e = extent_id()",
        ["extent_tags"] = "datatable(x:long)[1] | extend e = extent_tags()",
        ["ingestion_time"] = "datatable(x:long)[1] | extend e = ingestion_time()",
        ["row_id"] = "datatable(x:long)[1] | extend e = row_id()",
        ["convert_angle"] = "print convert_angle(1.2345, 'Radian', 'Degree')",
        ["convert_energy"] = "print convert_energy(1.2345, 'Joule', 'KilowattHour')",
        ["convert_force"] = "print convert_force(1.2345, 'Newton', 'Dyne')",
        ["convert_length"] = "print convert_length(1.2345, 'Meter', 'Foot')",
        ["convert_mass"] = "print convert_mass(1.2345, 'Kilogram', 'Pound')",
        ["convert_speed"] = "print convert_speed(1.2345, 'MeterPerSecond', 'KilometerPerHour')",
        ["convert_temperature"] = "print convert_temperature(1.2345, 'Celsius', 'Fahrenheit')",
        ["convert_volume"] = "print convert_volume(1.2345, 'CubicMeter', 'Liter')",
        ["format_datetime"] = "print format_datetime(datetime(2024-01-01), 'yyyy-MM-dd')",
        ["format_timespan"] = "print format_timespan(1h, 'hh:mm')",
        ["datetime_part"] = "print datetime_part('year', datetime(2024-01-01))",
        ["datetime_add"] = "print datetime_add('day', 1, datetime(2024-01-01))",
        ["datetime_diff"] = "print datetime_diff('day', datetime(2024-01-02), datetime(2024-01-01))",
        ["extract"] = "print extract('a(b)', 1, 'ab')",
        ["extract_all"] = "print extract_all('(a)', 'aa')",
        ["series_outliers"] = "print series_outliers(dynamic([1,2,3,40,5]))",
        ["parse_user_agent"] = "print parse_user_agent('Mozilla/5.0', 'browser')",
        ["make_timespan"] = "print make_timespan(1, 2)",
        ["geo_info_from_ip_address"] = "print geo_info_from_ip_address('20.53.203.50')",
        ["make_datetime"] = "print make_datetime(2024, 1, 2)",
        ["around"] = "print around(1.5, 1, 1)",
        ["array_sort_asc"] = "print array_sort_asc(dynamic([2, 1]))",
        ["array_sort_desc"] = "print array_sort_desc(dynamic([2, 1]))",
        ["bag_pack_columns"] = "print x = 1, y = 'a' | extend b = bag_pack_columns(x, y)",
        ["all"] = Graph + "(a)-[e*1..2]->(b) where all(e, kind == 'k') project b.n",
        ["any"] = Graph + "(a)-[e*1..2]->(b) where any(e, kind == 'k') project b.n",
        ["map"] = Graph + "(a)-[e*1..2]->(b) project m = map(e, kind)",
        ["inner_nodes"] = Graph + "(a)-[e*1..2]->(b) where array_length(inner_nodes(e)) >= 0 project b.n",
        ["node_id"] = Graph + "(a)-[e]->(b) where node_id(a) != '' project b.n",
        ["node_degree_in"] = Graph + "(a)-[e]->(b) project i = node_degree_in(b)",
        ["node_degree_out"] = Graph + "(a)-[e]->(b) project i = node_degree_out(a)",
        ["labels"] = Graph + "(a)-[e]->(b) where array_length(labels(a)) >= 0 project b.n",
        ["current_principal_is_member_of"] = "print current_principal_is_member_of('aadgroup=g@contoso.com')",
    };

    [Fact]
    public void Live_scalar_functions_of_the_catalog_run_at_least_the_measured_floor()
    {
        var names = LiveScalarFunctions(File.ReadAllLines(RepositoryPaths.SharedFile("reference/kql-catalog.md")));
        Assert.InRange(names.Count, 380, 390);

        var engine = new QueryEngine();
        var missing = new List<string>();
        foreach (var name in names)
        {
            var query = Queries.TryGetValue(name, out var special) ? special : GeneratedCall(name);
            try
            {
                QueryRunner.Run(query, engine);
            }
            catch (QueryException e) when (e.Kind == QueryErrorKind.NotSupported)
            {
                missing.Add(name + "  (" + e.Message + ")");
            }
            catch (Exception e) when (e is QueryException or ArgumentException or InvalidOperationException or FormatException)
            {
                // Ran into the function with arguments it rejects: implemented.
            }
        }

        var implemented = names.Count - missing.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"implemented {implemented} of {names.Count} live scalar functions; missing {missing.Count}:"));
        foreach (var line in missing)
        {
            output.WriteLine("  " + line);
        }

        Assert.True(implemented >= ImplementedFloor, $"{implemented} implemented, below the floor {ImplementedFloor}");
    }

    /// <summary>The function rows of section 4 ("Scalar functions by category") whose notes are not obsolete or hidden.</summary>
    private static List<string> LiveScalarFunctions(string[] lines)
    {
        var names = new List<string>();
        var inSection = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line.StartsWith("## 4.", StringComparison.Ordinal);
                continue;
            }

            if (!inSection || FunctionRow().Match(line) is not { Success: true } row)
            {
                continue;
            }

            var notes = line[(line.TrimEnd().TrimEnd('|').LastIndexOf('|') + 1)..];
            if (notes.Contains("hidden", StringComparison.Ordinal) || notes.Contains("obsolete", StringComparison.Ordinal))
            {
                continue;
            }

            names.Add(row.Groups[1].Value);
        }

        return names;
    }

    /// <summary><c>print f(a, b, ...)</c> with one literal of each required parameter's type.</summary>
    private static string GeneratedCall(string name)
    {
        if (!BuiltInFunctions.TryGetScalar(name, out var symbol))
        {
            return "print " + name + "()";
        }

        var arguments = new List<string>();
        foreach (var parameter in symbol.Parameters)
        {
            for (var i = 0; i < parameter.MinOccurring; i++)
            {
                arguments.Add(Literal(parameter.Type));
            }
        }

        return "print " + name + "(" + string.Join(", ", arguments) + ")";
    }

    private static string Literal(ParameterType type) => type switch
    {
        ParameterType.Bool => "true",
        ParameterType.Int or ParameterType.Long or ParameterType.Number or ParameterType.Integer or ParameterType.Summable
            or ParameterType.IntegerOrDynamic => "2",
        ParameterType.Real => "1.5",
        ParameterType.Decimal => "decimal(1.5)",
        ParameterType.DateTime => "datetime(2024-01-01)",
        ParameterType.TimeSpan => "1h",
        ParameterType.Dynamic => "dynamic([1, 2, 3])",
        ParameterType.Guid => "guid(00000000-0000-0000-0000-000000000001)",
        ParameterType.TypeLiteral => "typeof(long)",
        ParameterType.Tabular => "(print x = 1)",
        _ => "'a'",
    };

    [GeneratedRegex(@"^\| `([A-Za-z_0-9]+)` \|")]
    private static partial Regex FunctionRow();
}
