using FsCheck.Xunit;
using Vigil.Kql.Symbols;

namespace Vigil.Kql.Tests.Symbols;

/// <summary>Invariants of the type rules over every pair of scalar types.</summary>
public sealed class TypeFactsPropertyTests
{
    private static readonly ScalarType[] Types = Enum.GetValues<ScalarType>();

    private static ScalarType Pick(int i) => Types[(int)((uint)i % (uint)Types.Length)];

    [Property]
    public void Comparisons_are_symmetric(int a, int b)
    {
        var (x, y) = (Pick(a), Pick(b));
        Assert.Equal(TypeFacts.CanCompareEquality(x, y), TypeFacts.CanCompareEquality(y, x));
        Assert.Equal(TypeFacts.CanCompareOrder(x, y), TypeFacts.CanCompareOrder(y, x));
    }

    [Property]
    public void Addition_and_multiplication_are_commutative(int a, int b)
    {
        var (x, y) = (Pick(a), Pick(b));
        foreach (var op in new[] { ArithmeticOperator.Add, ArithmeticOperator.Multiply })
        {
            var left = TypeFacts.TryGetArithmeticResult(op, x, y, out var r1);
            var right = TypeFacts.TryGetArithmeticResult(op, y, x, out var r2);
            Assert.Equal(left, right);
            Assert.Equal(r1, r2);
        }
    }

    [Property]
    public void Widest_is_commutative_and_both_sides_promote_to_it(int a, int b)
    {
        var (x, y) = (Pick(a), Pick(b));
        if (!TypeFacts.IsNumeric(x) || !TypeFacts.IsNumeric(y))
        {
            Assert.Equal(ScalarType.Unknown, TypeFacts.Widest(x, y));
            return;
        }

        var widest = TypeFacts.Widest(x, y);
        Assert.Equal(widest, TypeFacts.Widest(y, x));
        Assert.True(TypeFacts.IsPromotable(x, widest));
        Assert.True(TypeFacts.IsPromotable(y, widest));
    }

    [Property]
    public void Every_type_compares_equal_with_itself_and_with_dynamic(int a)
    {
        var x = Pick(a);
        Assert.True(TypeFacts.CanCompareEquality(x, x));
        Assert.True(TypeFacts.CanCompareEquality(x, ScalarType.Dynamic));
    }

    [Property(MaxTest = 200)]
    public void WithUniqueNames_gives_unique_names_and_keeps_order_and_types(byte[] picks)
    {
        var names = new[] { "A", "A1", "B", "a" };
        var columns = picks.Take(30).Select((p, i) => new ColumnSymbol(names[p % names.Length], Pick(p + i))).ToList();
        var schema = TableSchema.WithUniqueNames(columns);
        Assert.Equal(columns.Count, schema.Count);
        Assert.Equal(schema.Count, schema.Columns.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(columns.Select(c => c.Type), schema.Columns.Select(c => c.Type));
        for (var i = 0; i < columns.Count; i++)
        {
            Assert.StartsWith(columns[i].Name, schema.Columns[i].Name, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Defender_spellings_resolve_through_aliases()
    {
        Assert.True(BuiltInTables.TryGet("IdentityInfo", out var identityInfo));
        Assert.True(identityInfo.TryGetColumn("AccountUpn", out var upn));
        Assert.Equal("AccountUPN", upn.Name);
        Assert.True(BuiltInTables.TryGet("CloudAppEvents", out var cloudApp));
        Assert.True(cloudApp.TryGetColumn("Isp", out var isp));
        Assert.Equal("ISP", isp.Name);
        Assert.False(cloudApp.Schema.Contains("Isp"));
    }
}
