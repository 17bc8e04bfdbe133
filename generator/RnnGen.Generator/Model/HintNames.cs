using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace RnnGen.Generator.Model;

/// <summary>
/// Keeps every generated file's name unique. Roslyn compares hint names ignoring case, so
/// <c>Model</c> and <c>model</c> in one namespace would collide: such names get a suffix made from
/// the exact name, which no identifier can spell (a space and parentheses).
/// </summary>
internal static class HintNames
{
    public const string Extension = ".g.cs";

    /// <summary>The hint names that occur more than once, ignoring case, as their upper-case keys.</summary>
    public static EquatableArray<string> Collisions(ImmutableArray<string> hintNames)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var repeated = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string name in hintNames)
        {
            string key = Key(name);
            if (!seen.Add(key))
            {
                repeated.Add(key);
            }
        }

        return new EquatableArray<string>(ImmutableArray.CreateRange(repeated));
    }

    /// <summary>
    /// <paramref name="hintName"/> itself, or, when it collides, <c>{name} ({hash}).g.cs</c> with a
    /// 64-bit FNV-1a hash of the exact, case-sensitive name.
    /// </summary>
    public static string Disambiguate(string hintName, EquatableArray<string> collisions)
    {
        string key = Key(hintName);
        foreach (string collision in collisions)
        {
            if (collision == key)
            {
                string stem = hintName.Substring(0, hintName.Length - Extension.Length);
                return stem + " (" + Fnv1a(hintName).ToString("x16", CultureInfo.InvariantCulture) + ")" + Extension;
            }
        }

        return hintName;
    }

    private static string Key(string hintName) => hintName.ToUpperInvariant();

    private static ulong Fnv1a(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }

        return hash;
    }
}
