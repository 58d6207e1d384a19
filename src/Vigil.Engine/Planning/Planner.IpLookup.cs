using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Planning.Operators;
using Vigil.Kql.Symbols;
using Vigil.Kql.Syntax;

namespace Vigil.Engine.Planning;

internal sealed partial class Planner
{
    /// <summary>
    /// ipv4_lookup/ipv6_lookup(LookupTable, SourceIP, LookupNetwork [, ExtraKey, ...] [, return_unmatched]): each input
    /// row joined with the lookup row whose network (CIDR text) contains the row's address and whose extra keys are
    /// equal; the longest matching prefix wins. Rows without a match are dropped, or kept with empty lookup columns when
    /// return_unmatched is true. ipv4_lookup only understands IPv4 text; ipv6_lookup both.
    /// </summary>
    private LogicalValues PlanIpLookup(FunctionCallExpression call, LogicalOperator input, TableSchema output, bool v6)
    {
        var (arguments, named) = PluginArguments(call);
        if (arguments.Count < 3)
        {
            throw new QueryException(QueryErrorKind.Semantic, "The IP lookup needs the lookup table, the source column and the lookup column.");
        }

        var returnUnmatched = false;
        if (named.TryGetValue("return_unmatched", out var option))
        {
            returnUnmatched = PluginConstant(option, "return_unmatched option") is { IsNull: false, Type: ScalarType.Bool } flag && flag.Bool;
        }
        else if (arguments.Count > 3 && arguments[^1] is LiteralExpression
                 && PluginConstant(arguments[^1], "return_unmatched option") is { Type: ScalarType.Bool } flag)
        {
            returnUnmatched = !flag.IsNull && flag.Bool;
            arguments.RemoveAt(arguments.Count - 1);
        }

        var lookup = PlanTabular(arguments[0]);
        var sourceColumn = PluginColumn(arguments[1], input.Schema, "source IP column");
        var networkColumn = PluginColumn(arguments[2], lookup.Schema, "lookup network column");
        var extraKeys = new List<(int Input, int Lookup)>();
        for (var i = 3; i < arguments.Count; i++)
        {
            var name = PluginColumn(arguments[i], input.Schema, "extra key");
            extraKeys.Add((input.Schema.IndexOf(name), lookup.Schema.IndexOf(PluginColumn(arguments[i], lookup.Schema, "extra key"))));
        }

        // Lookup rows by prefix length, then by masked network.
        var lookupRows = Materialize(lookup);
        var networkIndex = lookup.Schema.IndexOf(networkColumn);
        var byPrefix = new SortedDictionary<int, Dictionary<UInt128, List<int>>>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        for (var r = 0; r < lookupRows.Count; r++)
        {
            if (!IpNetworks.TryParse(PluginValues.Text(lookupRows[r][networkIndex]), v6, out var address, out var prefix))
            {
                continue;
            }

            if (!byPrefix.TryGetValue(prefix, out var networks))
            {
                byPrefix[prefix] = networks = [];
            }

            var network = IpNetworks.Mask(address, prefix);
            if (!networks.TryGetValue(network, out var list))
            {
                networks[network] = list = [];
            }

            list.Add(r);
        }

        var inputRows = Materialize(input);
        var sourceIndex = input.Schema.IndexOf(sourceColumn);
        var result = new List<ScalarValue[]>();
        var inputWidth = input.Schema.Count;
        var lookupWidth = lookup.Schema.Count;
        foreach (var row in inputRows)
        {
            int? match = null;
            if (IpNetworks.TryParse(PluginValues.Text(row[sourceIndex]), v6, out var address, out _))
            {
                foreach (var (prefix, networks) in byPrefix)
                {
                    if (networks.TryGetValue(IpNetworks.Mask(address, prefix), out var candidates))
                    {
                        foreach (var candidate in candidates)
                        {
                            if (KeysMatch(row, lookupRows[candidate], extraKeys))
                            {
                                match = candidate;
                                break;
                            }
                        }
                    }

                    if (match is not null)
                    {
                        break;
                    }
                }
            }

            if (match is null && !returnUnmatched)
            {
                continue;
            }

            // ipv6_lookup puts the lookup's columns first (as the binder's schema does).
            var combined = new ScalarValue[inputWidth + lookupWidth];
            var inputStart = v6 ? lookupWidth : 0;
            var lookupStart = v6 ? 0 : inputWidth;
            Array.Copy(row, 0, combined, inputStart, inputWidth);
            for (var c = 0; c < lookupWidth; c++)
            {
                combined[lookupStart + c] = match is { } m ? lookupRows[m][c] : PluginValues.Empty(PlanTypes.Normalize(lookup.Schema.Columns[c].Type));
            }

            result.Add(combined);
        }

        // The binder's schema is the input's columns then the lookup's, or the other way round for ipv6_lookup.
        var columns = new List<ColumnSymbol>();
        var sources = v6
            ? new List<ColumnSymbol>([.. lookup.Schema.Columns, .. input.Schema.Columns])
            : new List<ColumnSymbol>([.. input.Schema.Columns, .. lookup.Schema.Columns]);
        var names = output.Count == sources.Count && !output.IsOpen ? output : TableSchema.WithUniqueNames(sources);
        for (var c = 0; c < sources.Count; c++)
        {
            columns.Add(new ColumnSymbol(names.Columns[c].Name, PlanTypes.Normalize(sources[c].Type)));
        }

        return PluginResult(new TableSchema(columns), result);
    }

    private static bool KeysMatch(ScalarValue[] row, ScalarValue[] lookupRow, List<(int Input, int Lookup)> keys)
    {
        foreach (var (inputIndex, lookupIndex) in keys)
        {
            var a = row[inputIndex];
            var b = lookupRow[lookupIndex];
            if (a.IsNull || b.IsNull || PluginValues.Text(a) != PluginValues.Text(b))
            {
                return false;
            }
        }

        return true;
    }
}
