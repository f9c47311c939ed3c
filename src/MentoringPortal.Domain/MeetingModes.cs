namespace MentoringPortal.Domain;

[Flags]
public enum MeetingModes
{
    None = 0,
    FaceToFace = 1,
    Video = 2,
    Phone = 4,
}

public static class MeetingModesText
{
    public static IReadOnlyList<MeetingModes> Each { get; } = [MeetingModes.FaceToFace, MeetingModes.Video, MeetingModes.Phone];

    public static string Describe(this MeetingModes mode) => mode switch
    {
        MeetingModes.FaceToFace => "Face to face",
        MeetingModes.Video => "Video call",
        MeetingModes.Phone => "Phone",
        MeetingModes.None => "No preference",
        _ => string.Join(", ", Each.Where(m => mode.HasFlag(m)).Select(m => m.Describe())),
    };
}
