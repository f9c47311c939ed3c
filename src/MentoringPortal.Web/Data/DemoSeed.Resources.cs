using MentoringPortal.Domain.Programmes;

namespace MentoringPortal.Web.Data;

/// <summary>The demo programmes' resource pages: real guidance written for this portal, in Markdown.</summary>
public sealed partial class DemoSeed
{
    private const string ConfidentialityLimits =
        """
        ## Confidentiality and its limits

        What you discuss with your mentor stays between the two of you. Your mentor does not report
        on you to your supervisor, your training programme or your employer, and mentoring is not
        part of any assessment.

        There are limits, and your mentor will remind you of them at your first meeting. Your mentor
        may need to share something, ideally after talking it through with you first, when:

        - there is a **risk of serious harm** to you, to patients or to anyone else;
        - something you describe is **illegal**, or a matter a doctor must report (for example a
          serious concern about patient safety).

        In the portal, meeting notes can be read only by the person who wrote them. Scheme
        administrators see facts such as when a pairing started and when you last met, never what
        was said.
        """;

    private async Task SeedResourcesAsync(Programme returnToTraining, Programme futureLeaders, DateTime now)
    {
        db.ResourcePages.AddRange(
            new ResourcePage(returnToTraining, "mentee-information", "Mentee information", ReturnToTrainingMenteeInformation, 10, now),
            new ResourcePage(returnToTraining, "mentor-handbook", "Mentor handbook", MentorHandbook(returnToTraining, "every 6 to 8 weeks"), 20, now),
            new ResourcePage(returnToTraining, "faq", "Frequently asked questions", ReturnToTrainingFaq, 30, now),
            new ResourcePage(futureLeaders, "mentee-information", "Mentee information", FutureLeadersMenteeInformation, 10, now),
            new ResourcePage(futureLeaders, "mentor-handbook", "Mentor handbook", MentorHandbook(futureLeaders, "about every 8 weeks"), 20, now),
            new ResourcePage(futureLeaders, "goals-and-evaluation", "Goals by horizon and the six-month evaluation", FutureLeadersGoals, 30, now),
            new ResourcePage(futureLeaders, "faq", "Frequently asked questions", FutureLeadersFaq, 40, now));
        await db.SaveChangesAsync();
    }

    private const string ReturnToTrainingMenteeInformation =
        $$"""
        Coming back to training after time away, whether after parental leave, ill health, research
        or a career break, is a big step, and it is normal to feel less sure of yourself at first.
        A mentor is an experienced colleague, trained by the scheme, who gives you time to think
        about your return and what you want from it.

        ## What mentoring is

        - A **confidential conversation** with someone outside your line of supervision.
        - Time to **set your own goals** and work out how to reach them.
        - Someone who listens, asks good questions and shares experience when it helps.

        ## What mentoring is not

        - It is **not clinical supervision** or teaching, and your mentor does not sign anything off.
        - It is **not an assessment**: nothing you say goes into your portfolio or your review.
        - It is **not counselling or occupational health**. If you need that kind of help, your mentor
          can help you find it.

        ## Choosing and contacting a mentor

        Browse the mentor directory and read the profiles. You choose; many trainees find that a
        mentor from a different specialty or background helps them most. Send a short message
        saying why you are getting in touch. A mentor who is at full capacity or on a break is shown
        as such; choose another. You can have up to three requests waiting at once.

        ## Your first meeting

        Your first meeting is face to face. Allow about an hour, somewhere quiet where you will not be
        interrupted. Expect to:

        1. get to know each other and why you each came to the scheme;
        2. agree how you will work together: how often you meet, how you keep in touch, and what
           happens if one of you needs to cancel;
        3. talk through confidentiality and its limits (see below);
        4. start on your goals for the short, medium and long term. Record them on your goals page
           and rate where you stand now, so you can see your progress later.

        ## After that

        Meet **every 6 to 8 weeks**, face to face, by video or by phone, whichever suits you both.
        The portal reminds you both if no meeting has been held for a while. Between
        meetings, update your goals when something changes.

        {{ConfidentialityLimits}}

        ## If it is not working

        Not every pairing works, and that is nobody's fault. You can ask the scheme for a different
        mentor in confidence; see the FAQ.
        """;

    private const string ReturnToTrainingFaq =
        """
        ## How often should we meet?

        The scheme suggests every 6 to 8 weeks, after a first meeting face to face. Some pairs meet
        more often in the first weeks back; agree what suits you both.

        ## How long does mentoring last?

        Usually six months to a year. Either of you can end the pairing when the goals are met or
        mentoring is no longer needed; just say so, and record it in the portal so the place is freed.

        ## Can I ask for a different mentor?

        Yes, in confidence and without blame. Sometimes two people simply do not click, or your needs
        change. Use **Ask for a change** on your pairing's page and say a little about why. Only the
        scheme's administrators read your reason; your mentor is not told until an administrator has
        talked it through with you and acts on it, and they are then told neutrally. The
        administrator will help you find another mentor with a free place.

        ## Who can see what I write in the portal?

        - **Meeting notes**: only the person who wrote them.
        - **Your goals**: you and your mentor.
        - **Administrators** see facts only: when your pairing started, how many meetings were held,
          when you last met. Never notes.

        ## What if my mentor is full or paused?

        Their profile says so and they cannot be contacted. Choose another mentor who is accepting
        now, or come back later.

        ## My request was declined or expired. What now?

        This is common and rarely about you: mentors have busy clinical lives. The portal suggests
        other mentors who are accepting now.

        ## Is what I say really confidential?

        Yes, within limits: if there is a risk of serious harm to you or to others, or something
        illegal, your mentor may need to share it, ideally after talking to you first.
        """;

    private const string FutureLeadersMenteeInformation =
        $$"""
        The Future Leaders pilot pairs members of the society with an experienced mentor whose
        background fits the goals you set out when you applied. The scheme does the matching, so
        there is no directory to browse: once you are matched, you and your mentor are both told.

        ## What mentoring is, and is not

        Mentoring is a confidential, developmental relationship: your mentor listens, challenges,
        shares experience and helps you plan. It is **not** line management, appraisal, coaching for
        a particular job, or counselling, and nothing you say is used to assess you.

        ## Your first meeting

        Meet face to face first if you can. Use it to get to know each other, agree how often you
        will meet (about every 8 weeks), and go through your goals for the short, medium and long
        term. Rate where you stand on each goal today: this is your starting point.

        ## During the pilot

        - Meet about every 8 weeks, in person or by video.
        - Keep your goals up to date and re-rate them when something changes.
        - At **six months** you will both be invited to a short evaluation (see *Goals by horizon and
          the six-month evaluation*).

        {{ConfidentialityLimits}}

        ## If the match is not right

        Tell the scheme, in confidence, using **Ask for a change** on your pairing's page. There is no
        blame: the scheme will find you another mentor.
        """;

    private const string FutureLeadersGoals =
        """
        The pilot measures progress, not only impressions. Your goals, and your own ratings of them,
        are how you and the scheme can see what changed.

        ## Goals by horizon

        Write at least one goal for each time frame, in your own words:

        | Horizon | Time frame | Example |
        |---|---|---|
        | Short term | the next 3 months | Chair a departmental meeting with confidence |
        | Medium term | the next year | Lead a quality improvement project from start to finish |
        | Long term | 2 to 5 years | Take on a clinical director or society leadership role |

        Good goals are specific and in your control. "Become a better leader" is hard to rate;
        "get feedback from three colleagues on how I run meetings" is not.

        ## Rating your progress

        When you add a goal, rate where you stand now from **1 (not started)** to **5 (achieved)**.
        Update the rating whenever you feel it has changed, for example after a meeting with your
        mentor. Earlier ratings are kept, so you can both see the history. Mark a goal *achieved* when
        you reach it, or *dropped* if it no longer matters; nothing is deleted.

        ## The six-month evaluation

        Six months after your pairing starts, you and your mentor are each invited to a short
        survey. It asks you to rate, from 1 to 5, how mentoring has helped with:

        1. knowledge;
        2. performance;
        3. problem solving;
        4. confidence;
        5. leadership;
        6. professional network.

        It also asks how satisfied you are overall, and leaves space for comments. Your goal ratings
        at the start and at the review are compared, so progress is measured as well as felt.

        ## Who sees the results

        Answers are reported to the scheme **without names**, and groups smaller than five are not
        broken down, so no answer can be traced to you.
        """;

    private const string FutureLeadersFaq =
        """
        ## How are mentors and mentees matched?

        The scheme looks at your goals and each mentor's experience, and also at background, region
        and how many places each mentor has free. You will never be matched with someone in your own
        organisation if you asked for that, or with anyone you have declared a conflict with.

        ## How often do we meet?

        About every 8 weeks. The portal reminds you both if no meeting is held in that time; a
        meeting you have planned counts once it has happened and one of you logs it.

        ## Do I have to take part in the evaluation?

        It is voluntary, but it is how the society decides whether to continue the scheme, so your
        answers matter. They are reported without names.

        ## Can I ask for a different mentor?

        Yes, in confidence and without blame. Use **Ask for a change** on your pairing's page. Only
        administrators see your reason, and your mentor is not told until an administrator acts.

        ## Who can read my goals?

        You and your mentor. Administrators do not see them individually.
        """;

    private static string MentorHandbook(Programme programme, string cadence) =>
        $$"""
        Thank you for mentoring in {{programme.Name}}. This handbook is a short reminder of the role;
        it does not replace the scheme's mentor training.

        ## Your role

        You offer a confidential space for a colleague to think. You listen, ask open questions,
        reflect back what you hear and share your own experience when it helps, without taking over.
        The mentee sets the agenda and owns the goals; you help them see options and make plans.

        ## Boundaries

        - You are **not** their supervisor, assessor or counsellor. Do not write reports or
          references about your mentee as part of mentoring.
        - Keep the relationship professional and within the time you have agreed.
        - If your mentee needs help you cannot give (occupational health, counselling, a
          training-programme issue), help them find the right person.
        - Declare any conflict of interest, for example if you work closely with or assess your mentee.

        ## Your first meeting

        Meet face to face. Agree together:

        1. how often you will meet ({{cadence}}) and how you will keep in touch;
        2. what you both expect, and what mentoring is not;
        3. confidentiality and its limits: explain them clearly at the start;
        4. the mentee's goals for the short, medium and long term. They record them in the portal,
           and you can read them from the pairing.

        ## Why write a mentoring agreement

        At or after that first meeting, write down what you agreed on the pairing page, under
        "Mentoring agreement": how often and how you will meet, confidentiality and its limits, what
        each of you expects, and how either of you can end the mentoring. It takes ten minutes and it
        matters because:

        - **Expectations that are said out loud can be met.** Most pairings that drift apart do so
          because each expected something different and neither said it.
        - **The limits of confidentiality are agreed before they are needed**, not explained in the
          middle of a difficult conversation.
        - **Ending is easier when the way out was agreed at the start**: either of you can end it
          without blame, and your mentee knows they can ask the scheme for another mentor.

        Either of you can write it or change it, and it counts as agreed only when you have both
        pressed "I agree" to the same words. If either of you changes it later, you both confirm it
        again. Only the two of you can read it: the scheme and its administrators cannot.

        ## Confidentiality and its limits

        What your mentee tells you is confidential. The exceptions are a **risk of serious harm** to
        them or to others, and matters that are **illegal** or that you have a professional duty to
        report. If you think you need to share something, tell your mentee first where that is safe,
        and seek advice from the scheme lead.

        ## Record keeping

        - Plan and log meetings in the portal so the scheme knows the pairing is active.
        - **Your notes are private**: only you can read them. Your mentee cannot, and nor can the
          administrators. Keep them brief and factual, and write nothing you would not be comfortable
          with your mentee reading.
        - A shared "agreed actions" field is visible to both of you.
        - After a meeting is held, you may each rate how useful it was (1 to 5) with a private
          comment. Your ratings are yours alone; the scheme sees only anonymous totals.
        - **Administrators see facts only**: when the pairing started, how many meetings were held
          and when you last met. They see whether a pairing is overdue, never what was said.

        ## Capacity and availability

        Set how many mentees you can take, and pause when you are on leave. The portal never gives
        you more mentees than your capacity.

        ## When a pairing ends or changes

        Pairings end when goals are met or mentoring is no longer needed. If your mentee asks the
        scheme for a different mentor, you will be told neutrally: this is a normal part of
        mentoring and says nothing about you. You can also ask the scheme for a change yourself, in
        confidence.
        """;
}
