using System.Globalization;
using System.Text;

namespace Vigil.Engine.Values;

public sealed partial class DynamicValue
{
    /// <summary>
    /// Interprets the raw text between the parentheses of a <c>dynamic(...)</c> literal. Beyond JSON, a literal in the
    /// query text may use KQL's own literals (scalar-data-types/dynamic.md): <c>'single'</c>, <c>@"verbatim"</c> and
    /// escaped strings, <c>//</c> comments, trailing commas, typed literals such as <c>datetime(1970-05-11)</c>,
    /// <c>timespan(1d)</c>, <c>guid(...)</c>, <c>long(...)</c>, <c>real(nan)</c>, bare timespans (<c>1d</c>) and
    /// identifier keys. False when the text is not such a value (the binder reports it).
    /// </summary>
    public static bool TryParseLiteral(ReadOnlySpan<char> text, out DynamicValue value)
    {
        var parser = new LiteralParser(text, jsonOnly: false);
        return parser.TryParseDocument(out value);
    }

    private ref struct LiteralParser
    {
        private const int MaxDepth = 512;

        private readonly ReadOnlySpan<char> _text;

        // Lenient JSON for parse_json: no KQL typed literals or bare timespans; raw control characters allowed in
        // strings; NaN and Infinity are reals.
        private readonly bool _jsonOnly;
        private int _pos;
        private int _depth;

        public LiteralParser(ReadOnlySpan<char> text, bool jsonOnly)
        {
            _text = text;
            _jsonOnly = jsonOnly;
            _pos = 0;
            _depth = 0;
        }

        public bool TryParseDocument(out DynamicValue value)
        {
            if (!TryParseValue(out value))
            {
                return false;
            }

            SkipTrivia();
            return _pos == _text.Length;
        }

        private bool TryParseValue(out DynamicValue value)
        {
            value = Null;
            SkipTrivia();
            if (_pos >= _text.Length)
            {
                return false;
            }

            var ch = _text[_pos];
            switch (ch)
            {
                case '[':
                    return TryParseArray(out value);
                case '{':
                    return TryParseObject(out value);
                case '"':
                case '\'':
                case '@':
                    if (!TryParseString(out var text))
                    {
                        return false;
                    }

                    value = FromString(text);
                    return true;
                case '-':
                case '+':
                case '.':
                    return TryParseNumber(out value);
            }

            if (char.IsAsciiDigit(ch))
            {
                return TryParseNumber(out value);
            }

            if (!char.IsAsciiLetter(ch) && ch != '_')
            {
                return false;
            }

            var name = ReadIdentifier();
            if (_jsonOnly)
            {
                DynamicValue? keyword = name switch
                {
                    "null" => Null,
                    "true" => True,
                    "false" => False,
                    "NaN" => FromReal(double.NaN),
                    "Infinity" => FromReal(double.PositiveInfinity),
                    _ => null,
                };
                value = keyword ?? Null;
                return keyword is not null;
            }

            if ((name is "h" or "H") && _pos < _text.Length && _text[_pos] is '"' or '\'' or '@')
            {
                // h'...': an obfuscated string literal is still a string.
                if (!TryParseString(out var hidden))
                {
                    return false;
                }

                value = FromString(hidden);
                return true;
            }

            SkipTrivia();
            if (_pos < _text.Length && _text[_pos] == '(')
            {
                return TryParseTypedLiteral(name, out value);
            }

            switch (name)
            {
                case "null":
                    value = Null;
                    return true;
                case "true" or "True" or "TRUE":
                    value = True;
                    return true;
                case "false" or "False" or "FALSE":
                    value = False;
                    return true;
                default:
                    return false;
            }
        }

        private bool TryParseTypedLiteral(ReadOnlySpan<char> name, out DynamicValue value)
        {
            value = Null;
            if (name is "dynamic")
            {
                // A nested dynamic(...) literal (dynamic({'a': dynamic({})})) is its content.
                _pos++;
                if (!TryParseValue(out value))
                {
                    return false;
                }

                SkipTrivia();
                if (_pos >= _text.Length || _text[_pos] != ')')
                {
                    return false;
                }

                _pos++;
                return true;
            }

            // The content runs to the matching parenthesis (datetime text has none of its own).
            var start = _pos + 1;
            var end = _text[start..].IndexOf(')');
            if (end < 0)
            {
                return false;
            }

            var content = _text.Slice(start, end);
            _pos = start + end + 1;
            KqlLiteralKind kind;
            switch (name)
            {
                case "datetime" or "date":
                    kind = DateTimeText.ParseLiteral(content, out var ticks);
                    value = kind == KqlLiteralKind.Value ? FromDateTime(ticks) : Null;
                    break;
                case "timespan" or "time":
                    kind = TimeSpanText.ParseLiteral(content, out var span);
                    value = kind == KqlLiteralKind.Value ? FromTimeSpan(span) : Null;
                    break;
                case "guid" or "uuid" or "uniqueid":
                    kind = GuidText.ParseLiteral(content, out var guid);
                    value = kind == KqlLiteralKind.Value ? FromGuid(guid) : Null;
                    break;
                case "long" or "int" or "int64" or "int32":
                    kind = IntegerText.ParseLiteral(content, out var whole);
                    if (name is "int" or "int32" && kind == KqlLiteralKind.Value && whole != (int)whole)
                    {
                        kind = KqlLiteralKind.Invalid;
                    }

                    value = kind != KqlLiteralKind.Value ? Null : name is "int" or "int32" ? FromJsonInteger(whole) : FromLong(whole);
                    break;
                case "real" or "double" or "float":
                    kind = RealText.ParseLiteral(content, out var real);
                    value = kind == KqlLiteralKind.Value ? FromReal(real) : Null;
                    break;
                case "decimal":
                    kind = DecimalText.ParseLiteral(content, out var exact);
                    value = kind == KqlLiteralKind.Value ? FromDecimal(exact) : Null;
                    break;
                case "bool" or "boolean":
                    kind = BoolText.ParseLiteral(content, out var flag);
                    value = kind == KqlLiteralKind.Value ? FromBool(flag) : Null;
                    break;
                default:
                    return false;
            }

            return kind is KqlLiteralKind.Value or KqlLiteralKind.Null;
        }

        private bool TryParseNumber(out DynamicValue value)
        {
            value = Null;
            var start = _pos;
            if (_text[_pos] is '-' or '+')
            {
                _pos++;
            }

            var isReal = false;
            while (_pos < _text.Length)
            {
                var ch = _text[_pos];
                if (char.IsAsciiDigit(ch))
                {
                    _pos++;
                }
                else if (ch is '.' or 'e' or 'E' || (ch is '+' or '-' && _text[_pos - 1] is 'e' or 'E'))
                {
                    isReal = true;
                    _pos++;
                }
                else
                {
                    break;
                }
            }

            var number = _text[start.._pos];
            if (_jsonOnly && number is "-" or "+" && _text[_pos..].StartsWith("Infinity"))
            {
                _pos += "Infinity".Length;
                value = FromReal(number is "-" ? double.NegativeInfinity : double.PositiveInfinity);
                return true;
            }

            if (_pos < _text.Length && char.IsAsciiLetter(_text[_pos]))
            {
                if (_jsonOnly)
                {
                    return false;
                }

                // A bare timespan such as 1d or 1.5h (a lone 'e' was consumed as an exponent above only if digits follow).
                var unitStart = _pos;
                while (_pos < _text.Length && char.IsAsciiLetter(_text[_pos]))
                {
                    _pos++;
                }

                if (!TimeSpanText.TryParse(_text[start.._pos], out var ticks))
                {
                    _pos = unitStart;
                    return false;
                }

                value = FromTimeSpan(ticks);
                return true;
            }

            if (!isReal && long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            {
                value = FromJsonInteger(whole);
                return true;
            }

            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                return false;
            }

            value = FromReal(real);
            return true;
        }

        private bool TryParseArray(out DynamicValue value)
        {
            value = Null;
            if (++_depth > MaxDepth)
            {
                return false;
            }

            _pos++;
            var items = new List<DynamicValue>();
            while (true)
            {
                SkipTrivia();
                if (_pos >= _text.Length)
                {
                    return false;
                }

                if (_text[_pos] == ']')
                {
                    _pos++;
                    break;
                }

                if (!TryParseValue(out var item))
                {
                    return false;
                }

                items.Add(item);
                if (!TrySeparator(']'))
                {
                    return false;
                }
            }

            _depth--;
            value = WrapArray([.. items]);
            return true;
        }

        private bool TryParseObject(out DynamicValue value)
        {
            value = Null;
            if (++_depth > MaxDepth)
            {
                return false;
            }

            _pos++;
            var builder = new DynamicPropertyBag.Builder();
            while (true)
            {
                SkipTrivia();
                if (_pos >= _text.Length)
                {
                    return false;
                }

                var ch = _text[_pos];
                if (ch == '}')
                {
                    _pos++;
                    break;
                }

                string key;
                if (ch is '"' or '\'' or '@')
                {
                    if (!TryParseString(out key))
                    {
                        return false;
                    }
                }
                else if (char.IsAsciiLetter(ch) || ch == '_' || ch == '$')
                {
                    key = ReadIdentifier().ToString();
                }
                else
                {
                    return false;
                }

                SkipTrivia();
                if (_pos >= _text.Length || _text[_pos] != ':')
                {
                    return false;
                }

                _pos++;
                if (!TryParseValue(out var item))
                {
                    return false;
                }

                builder.Set(key, item);
                if (!TrySeparator('}'))
                {
                    return false;
                }
            }

            _depth--;
            value = FromBag(builder.ToBag());
            return true;
        }

        // After an element: a comma (a trailing one before the close is fine) or the close itself, left unread.
        private bool TrySeparator(char close)
        {
            SkipTrivia();
            if (_pos >= _text.Length)
            {
                return false;
            }

            if (_text[_pos] == ',')
            {
                _pos++;
                return true;
            }

            return _text[_pos] == close;
        }

        private bool TryParseString(out string value)
        {
            value = "";
            var verbatim = _text[_pos] == '@';
            if (verbatim)
            {
                _pos++;
            }

            if (_pos >= _text.Length || _text[_pos] is not ('"' or '\''))
            {
                return false;
            }

            var quote = _text[_pos++];
            var builder = new StringBuilder();
            while (_pos < _text.Length)
            {
                var ch = _text[_pos++];
                if (ch == quote)
                {
                    if (verbatim && _pos < _text.Length && _text[_pos] == quote)
                    {
                        builder.Append(quote);
                        _pos++;
                        continue;
                    }

                    value = builder.ToString();
                    return true;
                }

                if (ch == '\\' && !verbatim)
                {
                    if (!TryEscape(builder))
                    {
                        return false;
                    }

                    continue;
                }

                if (ch is '\n' or '\r' && !_jsonOnly)
                {
                    return false;
                }

                builder.Append(ch);
            }

            return false;
        }

        // KQL string escapes: \\ \' \" \a \b \f \n \r \t \v \uXXXX \UXXXXXXXX \xHH and octal \ooo.
        private bool TryEscape(StringBuilder builder)
        {
            if (_pos >= _text.Length)
            {
                return false;
            }

            var ch = _text[_pos++];
            switch (ch)
            {
                case '\\' or '\'' or '"' or '/':
                    builder.Append(ch);
                    return true;
                case 'a':
                    builder.Append('\a');
                    return true;
                case 'b':
                    builder.Append('\b');
                    return true;
                case 'f':
                    builder.Append('\f');
                    return true;
                case 'n':
                    builder.Append('\n');
                    return true;
                case 'r':
                    builder.Append('\r');
                    return true;
                case 't':
                    builder.Append('\t');
                    return true;
                case 'v':
                    builder.Append('\v');
                    return true;
                case 'u':
                    return TryHexEscape(builder, 4);
                case 'U':
                    return TryHexEscape(builder, 8);
                case 'x':
                    return TryHexEscape(builder, 2);
            }

            if (ch is >= '0' and <= '7')
            {
                var code = ch - '0';
                for (var i = 0; i < 2 && _pos < _text.Length && _text[_pos] is >= '0' and <= '7'; i++)
                {
                    code = (code * 8) + (_text[_pos++] - '0');
                }

                builder.Append((char)code);
                return true;
            }

            return false;
        }

        private bool TryHexEscape(StringBuilder builder, int digits)
        {
            if (_pos + digits > _text.Length
                || !int.TryParse(_text.Slice(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                || (uint)code > 0x10FFFF)
            {
                return false;
            }

            _pos += digits;
            if (code <= char.MaxValue)
            {
                // \uXXXX may be half of a surrogate pair, written as two escapes.
                builder.Append((char)code);
                return true;
            }

            if (!Rune.TryCreate(code, out var rune))
            {
                return false;
            }

            Span<char> pair = stackalloc char[2];
            builder.Append(pair[..rune.EncodeToUtf16(pair)]);
            return true;
        }

        private ReadOnlySpan<char> ReadIdentifier()
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '$'))
            {
                _pos++;
            }

            return _text[start.._pos];
        }

        private void SkipTrivia()
        {
            while (_pos < _text.Length)
            {
                var ch = _text[_pos];
                if (char.IsWhiteSpace(ch))
                {
                    _pos++;
                }
                else if (ch == '/' && _pos + 1 < _text.Length && _text[_pos + 1] == '/')
                {
                    while (_pos < _text.Length && _text[_pos] is not ('\n' or '\r'))
                    {
                        _pos++;
                    }
                }
                else
                {
                    break;
                }
            }
        }
    }
}
