namespace Vigil.Engine.Tests.Query;

public class ScalarStatementTests
{
    [Fact]
    public void A_scalar_expression_statement_prints_one_row_named_print_0()
    {
        var result = QueryRunner.Run("binary_not(100)");
        Assert.Equal("print_0:long", QueryRunner.Schema(result));
        Assert.Equal(["-101"], QueryRunner.Rows(result));
    }

    [Fact]
    public void A_scalar_statement_can_use_earlier_lets()
    {
        var result = QueryRunner.Run("let x = 1; let y = 'a'; strcat(y, tostring(x + 1))");
        Assert.Equal("print_0:string", QueryRunner.Schema(result));
        Assert.Equal(["a2"], QueryRunner.Rows(result));
    }
}
