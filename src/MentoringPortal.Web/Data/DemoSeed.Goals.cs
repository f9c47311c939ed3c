namespace MentoringPortal.Web.Data;

/// <summary>
/// Goals by horizon for the demo's trainees and pilot alumni, different for each person, so that
/// matching suggestions, proposals and the pairing pages show people with goals of their own.
/// </summary>
public sealed partial class DemoSeed
{
    private sealed record DemoGoals(string ShortTerm, string MediumTerm, string LongTerm);

    /// <summary>For mentee1 … mentee10, in order.</summary>
    private static readonly DemoGoals[] TraineeGoals =
    [
        new("Feel confident on the acute take again within my first month back.",
            "Pass my next annual review (ARCP) with a clear plan for the year.",
            "Complete training and take up a consultant post with a leadership role."),
        new("Rebuild my procedural skills in the skills lab before my first on-call.",
            "Complete the workplace-based assessments I missed while away.",
            "Become a consultant with an interest in medical education."),
        new("Agree a phased return with my supervisor that I can keep to.",
            "Work full shifts again, nights included, without feeling overwhelmed.",
            "Help set up a return-to-work network for trainees in my region."),
        new("Find a rota that fits around childcare.",
            "Move to less than full time training and make it work for my portfolio.",
            "Take on a leadership role in paediatric services."),
        new("Prepare for the written part of my specialty exam.",
            "Pass the clinical exam at the first attempt.",
            "Develop a subspecialty interest in stroke medicine."),
        new("Get back up to date with the guidelines that changed while I was away.",
            "Lead a small audit on my ward.",
            "Combine clinical work with a part-time research role."),
        new("Settle into a new hospital and team after moving region.",
            "Build a support network of peers outside my specialty.",
            "Become a clinical lead for patient safety."),
        new("Regain confidence talking to families after a difficult case.",
            "Take part in a simulation course on breaking bad news.",
            "Teach communication skills to junior colleagues."),
        new("Plan my week so that I can study as well as work.",
            "Apply for an academic clinical fellowship.",
            "Lead a research group in my specialty."),
        new("Understand what medical management involves day to day.",
            "Shadow a clinical director for a month.",
            "Take on a clinical director role within five years."),
    ];

    /// <summary>For the pilot's alumni (alumnus1 … alumnus12), in order.</summary>
    private static readonly DemoGoals[] AlumniGoals =
    [
        new("Chair my department's monthly governance meeting with confidence.", "Lead a quality improvement project from idea to results.",
            "Take on a clinical lead or director role."),
        new("Give clear, kind feedback to the trainees I supervise.", "Become an educational supervisor.", "Lead the foundation programme at my trust."),
        new("Handle conflict in my team without avoiding it.", "Lead the redesign of our outpatient clinic.", "Become a clinical director."),
        new("Present our audit results at the regional meeting.", "Publish the audit as a quality improvement report.",
            "Lead quality improvement across the directorate."),
        new("Say no to extra work that pulls me away from my priorities.", "Protect time each week for my own development.",
            "Move into a part-time medical management role."),
        new("Build a relationship with the management team.", "Write a business case for a new post.", "Lead a service through a merger."),
        new("Run a teaching session for the multidisciplinary team.", "Set up a simulation programme on the ward.",
            "Become a director of medical education."),
        new("Understand the trust's budget and how decisions are made.", "Join the hospital's operational board as an observer.",
            "Become a medical director."),
        new("Mentor a junior colleague through their first rotation.", "Set up peer support for trainees returning from leave.",
            "Lead the wellbeing programme for doctors."),
        new("Chair a morbidity and mortality meeting well.", "Lead a patient safety investigation.", "Become the trust's patient safety lead."),
        new("Improve how handovers work on my unit.", "Lead the digital handover project.", "Become a chief clinical information officer."),
        new("Speak up at directorate meetings.", "Lead a regional network for my specialty.", "Take on a national role in my royal college."),
    ];
}
