namespace Vigil.Cli.Check;

/// <summary>
/// One query read from a file for <c>vigil check</c>: its text and where that text starts in the file, so that a
/// diagnostic inside the query can be reported at a file position.
/// </summary>
/// <param name="Path">The file as the user named it.</param>
/// <param name="Index">0-based position of the query in its file (a .jsonl line, a YAML document).</param>
/// <param name="Name">The query's name where the file gives one (YAML/JSON <c>name</c>), else null.</param>
/// <param name="Text">The KQL text.</param>
/// <param name="FileLine">1-based file line of the query's first line; null where positions inside the query do not
/// map onto file lines (a JSON string with escapes).</param>
/// <param name="Indent">Columns to add to positions on every query line (a YAML block scalar's indentation).</param>
/// <param name="RecordLine">For a JSON lines file, the 1-based line that holds the record; else null.</param>
internal sealed record QuerySource(string Path, int Index, string? Name, string Text, int? FileLine, int Indent, int? RecordLine = null);
