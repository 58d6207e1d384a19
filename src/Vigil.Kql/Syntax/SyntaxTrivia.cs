namespace Vigil.Kql.Syntax;

/// <summary>What a piece of trivia is.</summary>
public enum SyntaxTriviaKind
{
    Whitespace,
    EndOfLine,
    Comment,
}

/// <summary>One piece of a token's leading trivia (computed on demand; the token keeps its trivia as one string).</summary>
public readonly record struct SyntaxTrivia(SyntaxTriviaKind Kind, int Start, string Text)
{
    internal static IReadOnlyList<SyntaxTrivia> Split(string trivia, int start)
    {
        var list = new List<SyntaxTrivia>();
        var i = 0;
        while (i < trivia.Length)
        {
            var begin = i;
            SyntaxTriviaKind kind;
            if (trivia[i] == '/' && i + 1 < trivia.Length && trivia[i + 1] == '/')
            {
                kind = SyntaxTriviaKind.Comment;
                while (i < trivia.Length && trivia[i] is not ('\n' or '\r'))
                {
                    i++;
                }
            }
            else if (trivia[i] is '\n' or '\r')
            {
                kind = SyntaxTriviaKind.EndOfLine;
                i += trivia[i] == '\r' && i + 1 < trivia.Length && trivia[i + 1] == '\n' ? 2 : 1;
            }
            else
            {
                kind = SyntaxTriviaKind.Whitespace;
                while (i < trivia.Length && trivia[i] is not ('\n' or '\r') &&
                       !(trivia[i] == '/' && i + 1 < trivia.Length && trivia[i + 1] == '/'))
                {
                    i++;
                }
            }

            list.Add(new SyntaxTrivia(kind, start + begin, trivia[begin..i]));
        }

        return list;
    }
}
