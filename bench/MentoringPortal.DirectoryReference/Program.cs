namespace MentoringPortal.DirectoryReference;

/// <summary>
/// The directory's raw reference, as bench/directory-load.sh starts it:
/// <c>ConnectionStrings__Portal="&lt;connection string&gt;" dotnet MentoringPortal.DirectoryReference.dll</c>.
/// </summary>
/// <remarks>Not top-level statements: their public <c>Program</c> would clash with the portal's in the integration tests.</remarks>
internal static class ReferenceProgram
{
    public static Task Main(string[] args) => DirectoryReferenceApp.Create(args).RunAsync();
}
