using System.Globalization;

/// <summary>
/// A .NET startup hook (DOTNET_STARTUP_HOOKS names this assembly): before a sample's Main, it makes the current culture
/// format numbers as de-DE does (<c>0,8</c>) with sv-SE's minus sign (<c>−1</c>), and says so on stderr. The samples are
/// built with InvariantGlobalization, so no real culture could be chosen; a custom NumberFormatInfo is honoured.
/// The runtime requires this name, in no namespace.
/// </summary>
internal static class StartupHook
{
    public const string Announcement = "startup hook: 0.8 prints as ";

    public static void Initialize()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.NegativeSign = "\u2212";
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.CurrentCulture = culture;
        Console.Error.WriteLine(Announcement + 0.8.ToString(CultureInfo.CurrentCulture));
    }
}
