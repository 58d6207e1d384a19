using Vigil.Kql.Symbols;

namespace Vigil.Kql.Tests.Symbols;

public sealed class BuiltInFunctionsTests
{
    [Fact]
    public void Scalar_function_counts_match_the_catalog()
    {
        Assert.Equal(429, BuiltInFunctions.Scalars.Length);
        Assert.Equal(385, BuiltInFunctions.Scalars.Count(f => f.IsLive));
    }

    [Fact]
    public void Aggregate_counts_match_the_catalog()
    {
        Assert.Equal(61, BuiltInFunctions.Aggregates.Length);
        Assert.Equal(52, BuiltInFunctions.Aggregates.Count(f => f.IsLive));
    }

    [Fact]
    public void Plugin_counts_match_the_catalog()
    {
        Assert.Equal(48, BuiltInFunctions.Plugins.Length);
        Assert.Equal(45, BuiltInFunctions.Plugins.Count(f => f.IsLive));
    }

    [Fact]
    public void Window_function_counts_match_the_catalog()
    {
        Assert.Equal(8, BuiltInFunctions.WindowFunctions.Length);
        Assert.Equal(7, BuiltInFunctions.WindowFunctions.Count(f => f.IsLive));
        Assert.All(BuiltInFunctions.WindowFunctions, f => Assert.Equal(FunctionKind.Window, f.Kind));
    }

    [Fact]
    public void Every_catalog_scalar_function_resolves_with_its_hidden_and_obsolete_marks()
    {
        var entries = KqlCatalog.ScalarFunctions();
        Assert.Equal(429, entries.Count);
        foreach (var entry in entries)
        {
            Assert.True(BuiltInFunctions.TryGetScalar(entry.Name, out var f), $"{entry.Name} does not resolve");
            Assert.Equal(entry.Hidden, f.IsHidden);
            Assert.Equal(entry.ObsoleteReplacement, f.ObsoleteReplacement);
        }
    }

    [Fact]
    public void Catalog_categories_map_one_to_one_with_ours_and_have_the_same_sizes()
    {
        foreach (var group in KqlCatalog.ScalarFunctions().GroupBy(e => e.Category))
        {
            var ours = group.Select(e => { BuiltInFunctions.TryGetScalar(e.Name, out var f); return f!.Category; }).Distinct().ToList();
            Assert.Single(ours);
            Assert.Equal(group.Count(), BuiltInFunctions.Scalars.Count(f => f.Category == ours[0]));
        }
    }

    [Fact]
    public void Every_catalog_aggregate_resolves_with_its_marks()
    {
        var entries = KqlCatalog.Aggregates();
        Assert.Equal(61, entries.Count);
        foreach (var entry in entries)
        {
            Assert.True(BuiltInFunctions.TryGetAggregate(entry.Name, out var f), $"{entry.Name} does not resolve");
            Assert.Equal(entry.Hidden, f.IsHidden);
            Assert.Equal(entry.ObsoleteReplacement, f.ObsoleteReplacement);
        }
    }

    [Fact]
    public void Every_catalog_plugin_resolves_with_its_marks()
    {
        var entries = KqlCatalog.Plugins();
        Assert.Equal(47, entries.Count);
        foreach (var entry in entries)
        {
            Assert.True(BuiltInFunctions.TryGetPlugin(entry.Name, out var f), $"{entry.Name} does not resolve");
            Assert.Equal(entry.Hidden, f.IsHidden);
            Assert.Equal(entry.ObsoleteReplacement, f.ObsoleteReplacement);
        }
    }

    [Fact]
    public void Obsolete_aliases_point_at_functions_that_exist()
    {
        foreach (var f in BuiltInFunctions.Scalars.Where(f => f.IsObsolete && f.ObsoleteReplacement != "replace_regex"))
        {
            Assert.True(BuiltInFunctions.TryGetScalar(f.ObsoleteReplacement!, out _), f.Name);
        }

        foreach (var f in BuiltInFunctions.Aggregates.Where(f => f.IsObsolete))
        {
            Assert.True(BuiltInFunctions.TryGetAggregate(f.ObsoleteReplacement!, out _), f.Name);
        }
    }

    [Fact]
    public void Names_are_case_sensitive() => Assert.False(BuiltInFunctions.TryGetScalar("StrLen", out _));

    [Theory]
    [InlineData("strlen", 1, 1)]
    [InlineData("substring", 2, 3)]
    [InlineData("strcat", 1, 64)]
    [InlineData("strcat_delim", 3, 65)]
    [InlineData("now", 0, 1)]
    [InlineData("iff", 3, 3)]
    [InlineData("datetime_add", 3, 3)]
    [InlineData("pi", 0, 0)]
    public void Scalar_argument_counts(string name, int min, int max)
    {
        Assert.True(BuiltInFunctions.TryGetScalar(name, out var f));
        Assert.Equal(min, f.MinArgumentCount);
        Assert.Equal(max, f.MaxArgumentCount);
    }

    [Fact]
    public void Matcher_reports_wrong_argument_counts()
    {
        Assert.True(BuiltInFunctions.TryGetScalar("strlen", out var strlen));
        Assert.Equal(ArgumentMatchStatus.WrongCount, ArgumentMatcher.Match(strlen, []).Status);
        Assert.Equal(ArgumentMatchStatus.WrongCount,
            ArgumentMatcher.Match(strlen, [ArgumentInfo.Of(ScalarType.String), ArgumentInfo.Of(ScalarType.String)]).Status);
    }

    [Fact]
    public void Matcher_reports_wrong_argument_types_with_the_failing_argument()
    {
        Assert.True(BuiltInFunctions.TryGetScalar("ago", out var ago));
        var match = ArgumentMatcher.Match(ago, [ArgumentInfo.Of(ScalarType.String)]);
        Assert.Equal(ArgumentMatchStatus.WrongType, match.Status);
        Assert.Equal(0, match.FailedArgument);

        Assert.True(BuiltInFunctions.TryGetScalar("datetime_add", out var add));
        var bad = ArgumentMatcher.Match(add, [ArgumentInfo.Of(ScalarType.String), ArgumentInfo.Of(ScalarType.Long), ArgumentInfo.Of(ScalarType.String)]);
        Assert.Equal(2, bad.FailedArgument);
    }

    [Fact]
    public void Matcher_widens_numbers_and_accepts_dynamic_for_scalar_parameters()
    {
        Assert.True(BuiltInFunctions.TryGetScalar("pow", out var pow));
        Assert.True(ArgumentMatcher.Match(pow, [ArgumentInfo.Of(ScalarType.Int), ArgumentInfo.Of(ScalarType.Real)]).IsMatched);
        Assert.True(BuiltInFunctions.TryGetScalar("tolower", out var lower));
        Assert.True(ArgumentMatcher.Match(lower, [ArgumentInfo.Of(ScalarType.Dynamic)]).IsMatched);
        Assert.True(BuiltInFunctions.TryGetScalar("strlen", out var strlen));
        Assert.True(ArgumentMatcher.Match(strlen, [ArgumentInfo.Of(ScalarType.Dynamic)]).IsMatched);
        Assert.False(ArgumentMatcher.Match(strlen, [ArgumentInfo.Of(ScalarType.Long)]).IsMatched);
    }

    [Fact]
    public void Matcher_rejects_real_where_an_integer_is_required_and_dynamic_where_orderable_is()
    {
        Assert.True(BuiltInFunctions.TryGetScalar("substring", out var substring));
        Assert.False(ArgumentMatcher.Match(substring, [ArgumentInfo.Of(ScalarType.String), ArgumentInfo.Of(ScalarType.Real)]).IsMatched);
        Assert.True(BuiltInFunctions.TryGetAggregate("max", out var max));
        Assert.False(ArgumentMatcher.Match(max, [ArgumentInfo.Of(ScalarType.Dynamic)]).IsMatched);
    }

    [Fact]
    public void Star_is_accepted_only_where_the_signature_allows_it()
    {
        Assert.True(BuiltInFunctions.TryGetAggregate("arg_max", out var argMax));
        Assert.True(ArgumentMatcher.Match(argMax, [ArgumentInfo.Of(ScalarType.DateTime), new ArgumentInfo(ArgumentShape.Star, ScalarType.Unknown)]).IsMatched);
        Assert.True(BuiltInFunctions.TryGetAggregate("dcount", out var dcount));
        Assert.False(ArgumentMatcher.Match(dcount, [new ArgumentInfo(ArgumentShape.Star, ScalarType.Unknown)]).IsMatched);
    }

    [Fact]
    public void Repeated_parameters_take_the_extra_arguments()
    {
        Assert.True(BuiltInFunctions.TryGetAggregate("percentiles", out var percentiles));
        var match = ArgumentMatcher.Match(percentiles,
            [ArgumentInfo.Of(ScalarType.Long), ArgumentInfo.Of(ScalarType.Long), ArgumentInfo.Of(ScalarType.Long), ArgumentInfo.Of(ScalarType.Real)]);
        Assert.True(match.IsMatched);
        Assert.Equal(["expr", "percentile", "percentile", "percentile"], match.ParameterOfArgument.Select(p => p.Name));
    }

    [Fact]
    public void Aggregate_result_names_follow_Kusto_prefixes()
    {
        Assert.True(BuiltInFunctions.TryGetAggregate("make_list", out var makeList));
        Assert.Equal("list", makeList.ResultNamePrefix);
        Assert.True(BuiltInFunctions.TryGetAggregate("make_set_if", out var makeSetIf));
        Assert.Equal("set", makeSetIf.ResultNamePrefix);
        Assert.True(BuiltInFunctions.TryGetAggregate("dcount", out var dcount));
        Assert.Equal(ResultNaming.PrefixAndFirstArgument, dcount.ResultNaming);
        Assert.Equal("dcount", dcount.ResultNamePrefix);
        Assert.True(BuiltInFunctions.TryGetAggregate("count", out var count));
        Assert.Equal("count", count.ResultNamePrefix);
    }

    [Fact]
    public void Aggregate_return_rules()
    {
        Assert.True(BuiltInFunctions.TryGetAggregate("sum", out var sum));
        Assert.Equal(ReturnRule.Sum, sum.ReturnRule);
        Assert.True(BuiltInFunctions.TryGetAggregate("avg", out var avg));
        Assert.Equal(ReturnRule.Average, avg.ReturnRule);
        Assert.True(BuiltInFunctions.TryGetAggregate("max", out var max));
        Assert.Equal(ReturnRule.Argument, max.ReturnRule);
        Assert.Equal(0, max.ReturnArgument);
        Assert.True(BuiltInFunctions.TryGetAggregate("dcount", out var dcount));
        Assert.Equal(ScalarType.Long, dcount.ReturnType);
    }
}
