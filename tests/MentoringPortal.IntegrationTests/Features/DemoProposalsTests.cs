using MentoringPortal.Domain.Matching;
using MentoringPortal.Domain.Mentees;
using MentoringPortal.IntegrationTests.Features.Hardening;
using Microsoft.EntityFrameworkCore;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>The demo data for mentor proposals: varied goals, and two proposals waiting for demo mentors (README's demo table).</summary>
public sealed class DemoProposalsTests(DemoPortal demo) : IClassFixture<DemoPortal>
{
    [Fact]
    public async Task Demo_TraineesHaveGoalsOfTheirOwn()
    {
        var goals = await demo.Data.QueryAsync(db => db.Goals.Where(g => g.Horizon == GoalHorizon.ShortTerm)
            .Select(g => g.Description).ToListAsync());

        Assert.True(goals.Distinct(StringComparer.Ordinal).Count() >= goals.Count * 3 / 4,
            $"{goals.Distinct(StringComparer.Ordinal).Count()} different short-term goals among {goals.Count} people.");
    }

    [Fact]
    public async Task Demo_TwoProposalsWaitForTheirMentors()
    {
        var proposals = await demo.Data.QueryAsync(db => db.MentorProposals.Where(p => p.Status == ProposalStatus.Waiting)
            .Select(p => new
            {
                Applicant = db.Users.Where(u => u.Id == p.Application!.Mentee!.UserId).Select(u => u.Email).Single(),
                Mentor = db.Users.Where(u => u.Id == p.Mentor!.UserId).Select(u => u.Email).Single(),
                p.ProposedAt,
                p.AnswerBy,
            })
            .OrderBy(p => p.Applicant)
            .ToListAsync());

        Assert.Equal(["mentee23@demo.test", "mentee24@demo.test"], proposals.Select(p => p.Applicant));
        Assert.Equal(["mentor45@demo.test", "mentor44@demo.test"], proposals.Select(p => p.Mentor));
        Assert.All(proposals, p => Assert.True(p.AnswerBy > DateTime.UtcNow, $"Answer by {p.AnswerBy:O}"));
    }
}
