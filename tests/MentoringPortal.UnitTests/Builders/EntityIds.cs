using System.Reflection;

namespace MentoringPortal.UnitTests.Builders;

/// <summary>
/// Ids are assigned by the database, so builders set them by reflection: rules compare
/// MentorId and ProgrammeId, and every entity in a test needs an id of its own.
/// </summary>
public static class EntityIds
{
    private static int _last = 1000;

    public static int Next() => Interlocked.Increment(ref _last);

    public static T WithId<T>(this T entity, int id)
        where T : class
    {
        var property = typeof(T).GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no Id property.");
        property.SetValue(entity, id);
        return entity;
    }
}
