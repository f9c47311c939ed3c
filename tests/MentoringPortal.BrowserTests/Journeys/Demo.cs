namespace MentoringPortal.BrowserTests.Journeys;

/// <summary>A demo account of the seed (Data/DemoSeed.cs): its sign-in address and the name people see.</summary>
public sealed record DemoPerson(string Email, string Name);

/// <summary>
/// The demo people these journeys use. Each test class uses its own accounts, so that the tests of the
/// collection (which share one database) do not depend on the order they run in.
/// </summary>
public static class Demo
{
    /// <summary>Accepting, 2 places, no mentees; pending requests from <see cref="Mentee8"/> and <see cref="Mentee9"/>. Used by MentorJourneyTests only.</summary>
    public static readonly DemoPerson Mentor1 = new("mentor1@demo.test", "Dr Hamish Davies");

    /// <summary>Emergency medicine, one place, taken: full.</summary>
    public static readonly DemoPerson Mentor3 = new("mentor3@demo.test", "Dr Victoria Jones");

    /// <summary>Paused until a date 29 days after the seed.</summary>
    public static readonly DemoPerson Mentor9 = new("mentor9@demo.test", "Dr Priya Hussain");

    /// <summary>Trauma and orthopaedics, accepting, 3 places. Used by the contact form's bad-input test (nothing is sent).</summary>
    public static readonly DemoPerson Mentor14 = new("mentor14@demo.test", "Dr Chloe Chaudhry");

    /// <summary>Emergency medicine, accepting, 3 places, meets face to face only. Contacted by TraineeJourneyTests.</summary>
    public static readonly DemoPerson Mentor18 = new("mentor18@demo.test", "Dr Grace O'Connor");

    /// <summary>Obstetrics and gynaecology, accepting, 3 places, meets face to face only. Contacted by KeyboardTests.</summary>
    public static readonly DemoPerson Mentor22 = new("mentor22@demo.test", "Dr Kavya Gallagher");

    /// <summary>Emergency medicine, not accepting new mentees.</summary>
    public static readonly DemoPerson Mentor33 = new("mentor33@demo.test", "Dr Priya Thomas");

    /// <summary>No pairing, no pending request.</summary>
    public static readonly DemoPerson Mentee1 = new("mentee1@demo.test", "Dr Ifeoma Ibrahim");

    /// <summary>A pending request to <see cref="Mentor1"/>.</summary>
    public static readonly DemoPerson Mentee8 = new("mentee8@demo.test", "Dr Tomasz Robertson");

    /// <summary>Pending requests to <see cref="Mentor1"/> and mentor10.</summary>
    public static readonly DemoPerson Mentee9 = new("mentee9@demo.test", "Dr Amara Evans");

    /// <summary>No pairing, no pending request (one declined, one expired). Used by KeyboardTests.</summary>
    public static readonly DemoPerson Mentee10 = new("mentee10@demo.test", "Dr Farid Lewis");

    /// <summary>Applied to the Future Leaders pilot; proposed to a mentor two days ago, waiting for the answer. Used by MentorProposalsTests.</summary>
    public static readonly DemoPerson Mentee23 = new("mentee23@demo.test", "Dr Nadia Okafor");

    /// <summary>Applied to the Future Leaders pilot; proposed to another mentor, waiting for the answer. Used by MentorProposalsTests.</summary>
    public static readonly DemoPerson Mentee24 = new("mentee24@demo.test", "Dr Owen Brennan");

    /// <summary>The specialty of <see cref="Mentor3"/> (full), <see cref="Mentor18"/> (accepting) and <see cref="Mentor33"/> (not accepting).</summary>
    public const string Specialty = "Emergency medicine";
}
