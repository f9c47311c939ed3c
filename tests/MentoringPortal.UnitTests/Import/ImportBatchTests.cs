using MentoringPortal.Web.Data;

namespace MentoringPortal.UnitTests.Import;

public sealed class ImportBatchTests
{
    private static readonly DateTime UploadedAt = new(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void WhyNotDiscardable_APreview_EvenExpired_IsNothing()
    {
        var batch = Previewed();

        Assert.Null(batch.WhyNotDiscardable());
        Assert.False(batch.CanBeConfirmed(UploadedAt + ImportBatch.KeptFor));
        Assert.Null(batch.WhyNotDiscardable());
    }

    [Fact]
    public void WhyNotDiscardable_Confirmed_SaysTheImportIsUnderWay()
    {
        var batch = Previewed();
        batch.Confirm("admin", UploadedAt.AddMinutes(5));

        Assert.Equal("The import of mentees.csv has been confirmed and is under way, so it can no longer be discarded.", batch.WhyNotDiscardable());
    }

    [Fact]
    public void WhyNotDiscardable_Finished_SaysThereIsNoPreviewLeft()
    {
        var batch = Previewed();
        batch.Confirm("admin", UploadedAt.AddMinutes(5));
        batch.Finish(UploadedAt.AddMinutes(6));

        Assert.Equal("The import of mentees.csv has finished, so there is no preview left to discard.", batch.WhyNotDiscardable());
    }

    private static ImportBatch Previewed()
    {
        var batch = new ImportBatch(Guid.NewGuid(), 1, PeopleKind.Mentees, "admin", "mentees.csv", UploadedAt);
        batch.Counted(rows: 2, newPeople: 1, existing: 0, errors: 1);
        return batch;
    }
}
