namespace Vigil.Engine.Tests.Query;

/// <summary>find over named tables (the reference's EventsTable1/EventsTable2 example) and over the whole workspace.</summary>
public class FindTests(StorageWorkspaceFixture fixture) : IClassFixture<StorageWorkspaceFixture>
{
    private const string Tables = """
        let EventsTable1 = datatable(Session_Id:string, Level:string, EventText:string, Version:string) [
            'acbd', 'Information', 'Some Text1', 'v1.0.0',
            'acbd', 'Error', 'Some Text2', 'v1.0.0',
            '28b8', 'Error', 'Some Text3', 'v1.0.1',
            '8f05', 'Information', 'Some Text4', 'v1.1.0'];
        let EventsTable2 = datatable(Session_Id:string, Level:string, EventText:string, EventName:string) [
            'f7d5', 'Information', 'Some Other Text1', 'Event1',
            'acbd', 'Information', 'Some Other Text2', 'Event2',
            'acbd', 'Error', 'Some Other Text3', 'Event3',
            '15ea', 'Error', 'Some Other Text4', 'Event4'];

        """;

    [Fact]
    public void Project_keeps_the_listed_columns_and_pack_all_packs_the_others()
    {
        var result = QueryRunner.Run(Tables
            + "find in (EventsTable1, EventsTable2) where Session_Id == 'acbd' and Level == 'Error' project EventText, Version, EventName, pack_all()");
        Assert.Equal("source_:string, EventText:string, Version:string, EventName:string, pack_:dynamic", QueryRunner.Schema(result));
        Assert.Equal(
        [
            "EventsTable1 | Some Text2 | v1.0.0 |  | {\"Session_Id\":\"acbd\",\"Level\":\"Error\"}",
            "EventsTable2 | Some Other Text3 |  | Event3 | {\"Session_Id\":\"acbd\",\"Level\":\"Error\"}",
        ], QueryRunner.Rows(result));
    }

    [Fact]
    public void A_predicate_column_a_table_lacks_is_null_there()
    {
        var result = QueryRunner.Run(Tables
            + "find in (EventsTable1, EventsTable2) where Version == 'v1.0.0' or EventName == 'Event1' project Session_Id, EventText, Version, EventName");
        Assert.Equal(
        [
            "EventsTable1 | acbd | Some Text1 | v1.0.0 | ",
            "EventsTable1 | acbd | Some Text2 | v1.0.0 | ",
            "EventsTable2 | f7d5 | Some Other Text1 |  | Event1",
        ], QueryRunner.Rows(result));
    }

    [Fact]
    public void Project_smart_keeps_predicate_and_common_columns_and_packs_the_rest()
    {
        var result = QueryRunner.Run(Tables + "find withsource=T in (EventsTable1, EventsTable2) where Session_Id == 'acbd' and Level == 'Information'");
        Assert.Equal("T:string, Session_Id:string, Level:string, EventText:string, pack_:dynamic", QueryRunner.Schema(result));
        Assert.Equal(
        [
            "EventsTable1 | acbd | Information | Some Text1 | {\"Version\":\"v1.0.0\"}",
            "EventsTable2 | acbd | Information | Some Other Text2 | {\"EventName\":\"Event2\"}",
        ], QueryRunner.Rows(result));
    }

    [Fact]
    public void Tables_without_any_predicate_column_take_no_part()
    {
        var result = QueryRunner.Run(Tables + "find in (EventsTable1, EventsTable2) where EventName == 'Event4' project pack_all()");
        Assert.Equal(["EventsTable2 | {\"Session_Id\":\"15ea\",\"Level\":\"Error\",\"EventText\":\"Some Other Text4\",\"EventName\":\"Event4\"}"], QueryRunner.Rows(result));
    }

    [Fact]
    public void A_bare_term_and_star_has_search_every_column()
    {
        Assert.Equal(["EventsTable1 | Some Text3"], QueryRunner.Rows(Tables + "find in (EventsTable1, EventsTable2) where * has '28b8' project EventText"));
        Assert.Equal(["EventsTable2 | Event4"], QueryRunner.Rows(Tables + "find in (EventsTable1, EventsTable2) where 'Text4' and Level == 'Error' project EventName"));
    }

    [Fact]
    public void Without_in_find_looks_in_every_stored_table()
    {
        var result = QueryRunner.Run("find where FileName == 'cmd.exe' or Message has 'needle' project DeviceName, EventId", fixture.Engine);
        Assert.Equal(["DeviceProcessEvents | pc-1 | null", "Events_CL |  | 4604"], QueryRunner.Rows(result).Order());
        Assert.Equal(["Events_CL | 1"], QueryRunner.Rows("find 'needle' | summarize count() by source_", fixture.Engine));
    }

    [Fact]
    public void Search_without_a_table_looks_in_every_stored_table()
    {
        Assert.Equal(["Events_CL | found the needle here"], QueryRunner.Rows("search 'needle' | project $table, Message", fixture.Engine));
        Assert.Equal(["DeviceProcessEvents | pc-2"], QueryRunner.Rows("search kind=case_sensitive 'powershell' | project $table, DeviceName", fixture.Engine));
        Assert.Empty(QueryRunner.Rows("search kind=case_sensitive 'POWERSHELL'", fixture.Engine));
        Assert.Equal(["1"], QueryRunner.Rows("search in (Device*) * has 'cmd' | count", fixture.Engine));
    }
}
