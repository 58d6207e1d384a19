using Vigil.Kql.Syntax;

namespace Vigil.Kql.Tests.Syntax;

/// <summary>Structural checks every parsed tree must pass, whatever the input.</summary>
internal static class TreeInvariants
{
    public static void AssertConsistent(SyntaxTree tree)
    {
        var text = tree.Text;
        Assert.Equal(text, tree.Root.ToFullString());
        Assert.Equal(0, tree.Root.FullStart);
        Assert.Equal(text.Length, tree.Root.End);

        // Tokens (with their skipped tokens) tile the text.
        var position = 0;
        foreach (var token in tree.Root.GetTokens())
        {
            Assert.Equal(position, token.FullStart);
            foreach (var skipped in token.SkippedTokens)
            {
                Assert.Equal(position, skipped.FullStart);
                position = skipped.End;
            }

            Assert.Equal(position + token.LeadingTrivia.Length, token.TextStart);
            Assert.Equal(token.TextStart + token.Text.Length, token.End);
            Assert.True(!token.IsMissing || (token.Text.Length == 0 && token.Diagnostics.Count > 0), "a missing token is empty and says why");
            position = token.End;
        }

        Assert.Equal(text.Length, position);

        // Parents, child indexes and spans agree.
        foreach (var element in tree.Root.DescendantsAndSelf())
        {
            Assert.True(element.FullStart >= 0 && element.End <= text.Length);
            Assert.True(element.TextStart >= element.FullStart && element.TextStart <= element.End);
            for (var i = 0; i < element.ChildCount; i++)
            {
                var child = element.GetChild(i);
                if (child is null)
                {
                    continue;
                }

                Assert.Same(element, child.Parent);
                Assert.Equal(i, child.IndexInParent);
                Assert.True(child.FullStart >= element.FullStart && child.End <= element.End);
            }
        }

        foreach (var diagnostic in tree.Diagnostics)
        {
            Assert.True(diagnostic.Start >= 0 && diagnostic.End <= text.Length, $"diagnostic {diagnostic} is inside the text");
        }
    }
}
