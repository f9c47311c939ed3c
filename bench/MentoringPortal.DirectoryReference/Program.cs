// The directory's raw reference (bench/directory-load.sh starts it): ConnectionStrings__Portal="<connection string>" dotnet MentoringPortal.DirectoryReference.dll
await MentoringPortal.DirectoryReference.DirectoryReferenceApp.Create(args).RunAsync();
