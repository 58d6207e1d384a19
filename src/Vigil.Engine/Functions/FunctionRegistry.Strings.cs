using Vigil.Engine.Functions.Scalar;
using Vigil.Engine.Planning.Expressions;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions;

internal static partial class FunctionRegistry
{
    /// <summary>The strings: text editing, encodings, hashes, URLs and paths, regular expressions.</summary>
    private static void AddStringFunctions(Registrar add)
    {
        const ScalarType S = ScalarType.String;
        const ScalarType L = ScalarType.Long;
        const ScalarType D = ScalarType.Dynamic;
        const ScalarType Keep = ScalarType.Unknown;

        add(Kernel(StringKernels.Trim, S, 2, 2, [S]), "trim");
        add(Kernel(StringKernels.TrimStart, S, 2, 2, [S]), "trim_start");
        add(Kernel(StringKernels.TrimEnd, S, 2, 2, [S]), "trim_end");
        add(Kernel(StringKernels.Reverse, S, 1, 1, [S]), "reverse");
        add(Kernel(StringKernels.CountOf, L, 2, 3, [S]), "countof");
        add(Kernel(StringKernels.StrcatDelim, S, 3, 65, [S]), "strcat_delim");
        add(Kernel(StringKernels.Strcmp, L, 2, 2, [S]), "strcmp");
        add(Kernel(StringKernels.Strrep, S, 2, 3, [S, L, S], propagatesNulls: false), "strrep");
        add(Kernel(StringKernels.StringSize, L, 1, 1, [S]), "string_size");
        add(Kernel(StringKernels.Translate, S, 3, 3, [S]), "translate");
        add(Kernel(StringKernels.IndexOf, L, 2, 5, [S, S, L], propagatesNulls: false), "indexof");
        add(Kernel(StringKernels.IndexOfRegex, L, 2, 5, [S, S, L], propagatesNulls: false), "indexof_regex");
        add(Kernel(StringKernels.CodepointsFromString, D, 1, 1, [S]), "unicode_codepoints_from_string", "to_utf8");
        add(Kernel(StringKernels.CodepointsToString, S, 1, 64, [Keep], propagatesNulls: false), "unicode_codepoints_to_string", "make_string");
        add(Kernel(StringKernels.FormatBytes, S, 1, 4, [ScalarType.Real, L, S, L], propagatesNulls: false), "format_bytes");
        add(Kernel(StringKernels.HasAnyIndex, L, 2, 2, [S, D]), "has_any_index");
        add(Kernel(StringKernels.Substring, S, 2, 3, [S, L], propagatesNulls: false), "substring");
        add(Kernel(StringKernels.ReplaceStrings, S, 3, 3, [S, D]), "replace_strings");
        add(Kernel(StringKernels.StrcatArray, S, 2, 2, [D, S], propagatesNulls: false), "strcat_array", "array_strcat");
        add(Kernel(StringKernels.NewGuid, ScalarType.Guid, 0, 0, [Keep], deterministic: false), "new_guid");

        add((_, a, t) => a.Length == 2 ? Fixed(new RegexMatchesFunction(), Strings(a), ScalarType.Bool) : null, "matches regex");
        add(StringOp<HasPrefixCsOp>(false), "hasprefix_cs");
        add(StringOp<HasPrefixCsOp>(true), "!hasprefix_cs");
        add(StringOp<HasSuffixCsOp>(false), "hassuffix_cs");
        add(StringOp<HasSuffixCsOp>(true), "!hassuffix_cs");
        add(Extract, "extract");
        add(Kernel(RegexKernels.ExtractAll, D, 2, 3, [S, Keep, S]), "extract_all", "extractall");
        add(ExtractJson, "extract_json", "extractjson");
        add(Kernel(RegexKernels.ReplaceRegex, S, 3, 3, [S]), "replace_regex");
        add(Kernel(RegexKernels.Replace, S, 3, 3, [S]), "replace");
        add(Kernel(RegexKernels.RegexQuote, S, 1, 1, [S]), "regex_quote");

        add(Kernel(EncodingKernels.Base64EncodeToString, S, 1, 1, [S]), "base64_encode_tostring", "base64_encodestring");
        add(Kernel(EncodingKernels.Base64DecodeToString, S, 1, 1, [S]), "base64_decode_tostring", "base64_decodestring");
        add(Kernel(EncodingKernels.Base64DecodeToArray, D, 1, 1, [S]), "base64_decode_toarray");
        add(Kernel(EncodingKernels.Base64EncodeFromArray, S, 1, 1, [D], propagatesNulls: false), "base64_encode_fromarray");
        add(Kernel(EncodingKernels.Base64EncodeFromGuid, S, 1, 1, [ScalarType.Guid]), "base64_encode_fromguid");
        add(Kernel(EncodingKernels.Base64DecodeToGuid, ScalarType.Guid, 1, 1, [S]), "base64_decode_toguid");
        add(Kernel(EncodingKernels.UrlEncode, S, 1, 1, [S]), "url_encode");
        add(Kernel(EncodingKernels.UrlEncodeComponent, S, 1, 1, [S]), "url_encode_component");
        add(Kernel(EncodingKernels.UrlDecode, S, 1, 1, [S]), "url_decode");
        add(Kernel(EncodingKernels.ZlibCompress, S, 1, 1, [S]), "zlib_compress_to_base64_string");
        add(Kernel(EncodingKernels.ZlibDecompress, S, 1, 1, [S]), "zlib_decompress_from_base64_string");
        add(Kernel(EncodingKernels.GzipCompress, S, 1, 1, [S]), "gzip_compress_to_base64_string");
        add(Kernel(EncodingKernels.GzipDecompress, S, 1, 1, [S]), "gzip_decompress_from_base64_string");
        add(Kernel(EncodingKernels.PunycodeFromString, S, 1, 1, [S]), "punycode_from_string");
        add(Kernel(EncodingKernels.PunycodeToString, S, 1, 1, [S]), "punycode_to_string");
        add(Kernel(EncodingKernels.PunycodeDomainFromString, S, 1, 1, [S]), "punycode_domain_from_string");
        add(Kernel(EncodingKernels.PunycodeDomainToString, S, 1, 1, [S]), "punycode_domain_to_string");

        add(Kernel(HashKernels.XxHash, L, 1, 2, [Keep, L]), "hash", "hash_xxhash64");
        add(Kernel(HashKernels.Md5, S, 1, 1, [Keep]), "hash_md5");
        add(Kernel(HashKernels.Combine, L, 2, 64, [L]), "hash_combine");
        add(Kernel(UserAgentParser.Parse, D, 2, 2, [S, Keep]), "parse_user_agent");
        add(Kernel(TextValidityKernels.IsAscii, ScalarType.Bool, 1, 1, [S], propagatesNulls: false), "isascii");
        add(Kernel(TextValidityKernels.IsUtf8, ScalarType.Bool, 1, 1, [S], propagatesNulls: false), "isutf8");
        add(Kernel(DataSizeKernels.Estimate, L, 1, int.MaxValue, [Keep], propagatesNulls: false), "estimate_data_size");
        add((n, a, t) => a.Length >= 1 && a.All(x => x.Type != D) ? Kernel(HashKernels.Many, L, 1, 64, [Keep], propagatesNulls: false)(n, a, t) : null, "hash_many");
        add(Kernel(HashKernels.Sha1, S, 1, 1, [Keep]), "hash_sha1");
        add(Kernel(HashKernels.Sha256, S, 1, 1, [Keep]), "hash_sha256");

        add(Kernel(ParseKernels.ParseUrl, D, 1, 1, [S]), "parse_url", "parseurl");
        add(Kernel(ParseKernels.ParseUrlQuery, D, 1, 1, [S]), "parse_urlquery", "parseurlquery");
        add(Kernel(ParseKernels.ParsePath, D, 1, 1, [S]), "parse_path");
        add(Kernel(ParseKernels.ParseVersion, ScalarType.Decimal, 1, 1, [S]), "parse_version");
        add(Kernel(ParseKernels.ParseCommandLine, D, 2, 2, [S]), "parse_command_line");
        add(Kernel(ParseKernels.ParseCsv, D, 1, 1, [S]), "parse_csv");
        add(Kernel(XmlToDynamic.ParseXml, D, 1, 1, [S]), "parse_xml");
    }

    /// <summary>
    /// A row kernel taking <paramref name="min"/>..<paramref name="max"/> arguments, each converted to its entry
    /// of <paramref name="types"/> (the last entry repeats; <see cref="ScalarType.Unknown"/> keeps the argument's type).
    /// </summary>
    private static Binder Kernel(RowKernel kernel, ScalarType result, int min, int max, ScalarType[] types, bool propagatesNulls = true, bool deterministic = true) =>
        (name, arguments, _) =>
        {
            if (arguments.Length < min || arguments.Length > max)
            {
                return null;
            }

            var converted = new ScalarExpr[arguments.Length];
            for (var i = 0; i < arguments.Length; i++)
            {
                var type = types[Math.Min(i, types.Length - 1)];
                converted[i] = type == ScalarType.Unknown ? arguments[i] : Convert(arguments[i], type);
            }

            return Fixed(new KernelFunction(name, kernel, propagatesNulls, deterministic), converted, result);
        };

    /// <summary><c>extract(regex, group, text [, typeof(T)])</c>: the group's text, converted to T when given.</summary>
    private static ScalarExpr? Extract(string name, ScalarExpr[] arguments, ScalarType type)
    {
        if (arguments.Length is not (3 or 4))
        {
            return null;
        }

        var text = Kernel(RegexKernels.Extract, ScalarType.String, 3, 3, [ScalarType.String, ScalarType.Long, ScalarType.String], propagatesNulls: false)(name, arguments[..3], ScalarType.String);
        return text is null ? null : Convert(text, arguments.Length == 4 ? arguments[3].Type : ScalarType.String);
    }

    /// <summary><c>extract_json(path, json [, typeof(T)])</c>: the element's text, converted to T when given.</summary>
    private static ScalarExpr? ExtractJson(string name, ScalarExpr[] arguments, ScalarType type)
    {
        if (arguments.Length is not (2 or 3))
        {
            return null;
        }

        var text = Kernel(RegexKernels.ExtractJson, ScalarType.String, 2, 2, [ScalarType.String])(name, arguments[..2], ScalarType.String);
        return text is null ? null : Convert(text, arguments.Length == 3 ? arguments[2].Type : ScalarType.String);
    }
}
