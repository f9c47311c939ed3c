using MentoringPortal.IntegrationTests.Infrastructure;
using MentoringPortal.Web.Data;
using MentoringPortal.Web.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace MentoringPortal.IntegrationTests.Features;

/// <summary>A programme a test created for itself.</summary>
public sealed record TestProgramme(int Id, string Slug, string Name);

/// <summary>Administrators limited to programmes, shared by the administration tests.</summary>
public static class AdminData
{
    /// <summary>An administrator limited to the given programmes (one <see cref="ProgrammeAdministrator"/> row each).</summary>
    public static Task<Person> AdministratorOfAsync(PortalFactory factory, params TestProgramme[] programmes) =>
        AdministratorOfAsync(factory, programmes.Select(p => p.Id).ToArray());

    public static Task<Person> AdministratorOfAsync(PortalFactory factory, params int[] programmeIds) => factory.InScopeAsync(async services =>
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var name = Unique.Name("Programme administrator");
        var user = await PortalData.UserAsync(services, Unique.Email("admin"), name, Roles.Administrator);
        user.AdministersEveryProgramme = false; // tracked by the same context as db
        db.ProgrammeAdministrators.AddRange(programmeIds.Select(id => new ProgrammeAdministrator(user.Id, id)));
        await db.SaveChangesAsync();
        return new Person(user.Email!, 0, name);
    });
}
