using Vigil.Engine.Execution;
using Vigil.Engine.Execution.Vectors;
using Vigil.Engine.Values;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>startofday/week/month/year and endof* with an optional offset in units (<see cref="DateTimeFunctions"/>).</summary>
internal sealed class StartEndOfFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        VectorKernels.PropagateNulls(arguments, result, rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            var ticks = arguments[0].Int64[i];
            var offset = arguments.Length > 1 ? arguments[1].Int64[i] : 0;
            var ok = Name switch
            {
                "startofday" => DateTimeFunctions.TryStartOfDay(ticks, offset, out result.Int64[i]),
                "endofday" => DateTimeFunctions.TryEndOfDay(ticks, offset, out result.Int64[i]),
                "startofweek" => DateTimeFunctions.TryStartOfWeek(ticks, offset, out result.Int64[i]),
                "endofweek" => DateTimeFunctions.TryEndOfWeek(ticks, offset, out result.Int64[i]),
                "startofmonth" => DateTimeFunctions.TryStartOfMonth(ticks, offset, out result.Int64[i]),
                "endofmonth" => DateTimeFunctions.TryEndOfMonth(ticks, offset, out result.Int64[i]),
                "startofyear" => DateTimeFunctions.TryStartOfYear(ticks, offset, out result.Int64[i]),
                _ => DateTimeFunctions.TryEndOfYear(ticks, offset, out result.Int64[i]),
            };
            if (!ok)
            {
                result.SetNull(i);
            }
        }
    }
}

/// <summary>dayofweek (a timespan), dayofmonth, dayofyear, monthofyear/getmonth, getyear, hourofday, week_of_year, the obsolete weekofyear.</summary>
internal sealed class DatePartFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        VectorKernels.PropagateNulls(arguments, result, rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            if (result.IsNull(i))
            {
                continue;
            }

            var ticks = arguments[0].Int64[i];
            result.Int64[i] = Name switch
            {
                "dayofweek" => DateTimeFunctions.DayOfWeek(ticks),
                "dayofmonth" => DateTimeFunctions.DayOfMonth(ticks),
                "dayofyear" => DateTimeFunctions.DayOfYear(ticks),
                "monthofyear" or "getmonth" => DateTimeFunctions.MonthOfYear(ticks),
                "getyear" => DateTimeFunctions.GetYear(ticks),
                "hourofday" => DateTimeFunctions.HourOfDay(ticks),
                "weekofyear" => DateTimeFunctions.DatePart(DateTimePeriod.LegacyWeekOfYear, ticks),
                _ => DateTimeFunctions.WeekOfYear(ticks),
            };
        }
    }
}

/// <summary><c>datetime_add(period, amount, datetime)</c> and <c>datetime_diff(period, datetime1, datetime2)</c>.</summary>
internal sealed class DateTimePeriodFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        VectorKernels.PropagateNulls(arguments[1..], result, rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            if (result.IsNull(i))
            {
                continue;
            }

            if (!DateTimePeriodFacts.TryParsePeriod(arguments[0].GetString(i), out var period))
            {
                throw new QueryException(QueryErrorKind.Semantic, $"'{arguments[0].GetString(i)}' is not a datetime period.");
            }

            if (Name == "datetime_diff")
            {
                result.Int64[i] = DateTimeFunctions.DateDiff(period, arguments[1].Int64[i], arguments[2].Int64[i]);
            }
            else if (!DateTimeFunctions.TryDateAdd(period, arguments[1].Int64[i], arguments[2].Int64[i], out result.Int64[i]))
            {
                result.SetNull(i);
            }
        }
    }
}

/// <summary><c>datetime_part(part, datetime)</c>: an int; an unknown part name is an error naming it.</summary>
internal sealed class DateTimePartFunction(string name) : ScalarFunction(name)
{
    public override void Evaluate(ReadOnlySpan<ColumnVector> arguments, ColumnVector result, int rowCount, QueryContext context)
    {
        VectorKernels.PropagateNulls(arguments[1..], result, rowCount);
        for (var i = 0; i < rowCount; i++)
        {
            if (result.IsNull(i))
            {
                continue;
            }

            var text = arguments[0].GetString(i);
            if (!DateTimePeriodFacts.TryParsePart(text, out var part))
            {
                throw new QueryException(QueryErrorKind.Semantic, $"'{text}' is not a datetime_part part.");
            }

            result.Int64[i] = DateTimeFunctions.DatePart(part, arguments[1].Int64[i]);
        }
    }
}
