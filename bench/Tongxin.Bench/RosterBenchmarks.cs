using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Data;
using Tongxin.Platform.Seeding;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Bench;

/// <summary>委员名册 – the list staff open most: one page of 20 plus the total, filtered, over the
/// province-scale data (30,000 members in 100 committees). The baseline is the same city roster
/// query written by hand without the global tenant filter, so the ratios say what the tenancy
/// rule costs on the hottest list, and how the province-wide views a leader or province staff
/// opens compare with a city page.</summary>
[MemoryDiagnoser]
public class RosterBenchmarks
{
    private WebApplication app = null!;
    private Guid cityId;
    private Guid citySectorId;
    private Actor cityStaff = null!;
    private Actor provinceStaff = null!;

    [ParamsSource(nameof(Databases))]
    public BenchDb Database { get; set; }

    public static IEnumerable<BenchDb> Databases() => BenchDatabase.Available();

    [GlobalSetup]
    public async Task SetupAsync()
    {
        app = await BenchDatabase.OpenAsync(Database);
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = Actor.System;
        var data = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        cityId = await data.Committees.Where(c => c.Name == DemoSeeder.CityCommitteeName).Select(c => c.Id).SingleAsync();
        citySectorId = await data.Sectors.Where(s => s.CommitteeId == cityId && s.Name == "教育").Select(s => s.Id).SingleAsync();
        var provinceId = await data.Committees.Where(c => c.ParentId == null).Select(c => c.Id).SingleAsync();
        var tree = app.Services.GetRequiredService<CommitteeTree>();
        cityStaff = StaffOf(cityId, await tree.ReadableFromAsync(cityId));
        provinceStaff = StaffOf(provinceId, await tree.ReadableFromAsync(provinceId));
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await app.DisposeAsync();

    /// <summary>City roster, sector 教育, page 1 – hand-written, tenant filter switched off.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> CityRosterWithoutTenantFilter()
    {
        await using var scope = Scope(Actor.System);
        var data = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        var page = await Roster(data.Members.IgnoreQueryFilters(), data.Sectors.IgnoreQueryFilters())
            .Where(r => r.CommitteeId == cityId && r.SectorId == citySectorId)
            .OrderBy(r => r.DutyCode)
            .ToPagedListAsync(1);
        return page.Total;
    }

    /// <summary>The same page as city staff: the global tenant filter adds "committee in the 9 readable ones".</summary>
    [Benchmark]
    public async Task<int> CityRosterAsCityStaff()
    {
        await using var scope = Scope(cityStaff);
        var data = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        var page = await Roster(data.Members, data.Sectors)
            .Where(r => r.CommitteeId == cityId && r.SectorId == citySectorId)
            .OrderBy(r => r.DutyCode)
            .ToPagedListAsync(1);
        return page.Total;
    }

    /// <summary>Province staff: every 教育 member in the 100 readable committees (~1,100 of 30,000), page 1.</summary>
    [Benchmark]
    public async Task<int> ProvinceSectorRosterAsProvinceStaff()
    {
        await using var scope = Scope(provinceStaff);
        var data = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        var page = await Roster(data.Members, data.Sectors)
            .Where(r => r.Sector == "教育")
            .OrderBy(r => r.DutyCode)
            .ToPagedListAsync(1);
        return page.Total;
    }

    /// <summary>The same province page, filtering on the sector ids first (a short subquery on the
    /// small sector table) instead of on the projected sector name of every member row.</summary>
    [Benchmark]
    public async Task<int> ProvinceSectorRosterBySectorIds()
    {
        await using var scope = Scope(provinceStaff);
        var data = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        var sectorIds = data.Sectors.Where(s => s.Name == "教育").Select(s => (Guid?)s.Id);
        var page = await Roster(data.Members.Where(m => sectorIds.Contains(m.SectorId)), data.Sectors)
            .OrderBy(r => r.DutyCode)
            .ToPagedListAsync(1);
        return page.Total;
    }

    /// <summary>Province staff searching a name fragment over all 30,000 members (a LIKE '%…%' scan).</summary>
    [Benchmark]
    public async Task<int> ProvinceNameSearchAsProvinceStaff()
    {
        await using var scope = Scope(provinceStaff);
        var data = scope.ServiceProvider.GetRequiredService<TongxinDbContext>();
        var page = await Roster(data.Members, data.Sectors)
            .Where(r => r.Name.Contains("建华"))
            .OrderBy(r => r.DutyCode)
            .ToPagedListAsync(1);
        return page.Total;
    }

    private static IQueryable<RosterRow> Roster(IQueryable<Member> members, IQueryable<Sector> sectors) =>
        members.AsNoTracking()
            .Where(m => m.IsActive)
            .Select(m => new RosterRow
            {
                Id = m.Id,
                CommitteeId = m.CommitteeId,
                Name = m.Name,
                Gender = m.Gender,
                BirthYear = m.BirthYear,
                SectorId = m.SectorId,
                Sector = sectors.Where(s => s.Id == m.SectorId).Select(s => s.Name).FirstOrDefault(),
                WorkUnit = m.WorkUnit,
                DutyCode = m.DutyCode,
            });

    private AsyncServiceScope Scope(Actor actor)
    {
        var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorAccessor>().Actor = actor;
        return scope;
    }

    private static Actor StaffOf(Guid committeeId, IReadOnlyCollection<Guid> readable) =>
        new(Guid.NewGuid(), "bench.staff", committeeId, [Roles.Staff], Permissions.All, readable, "127.0.0.1");

    /// <summary>One line of the roster, projected so only the shown columns are read. Init
    /// properties (not a positional record) so EF can translate filters applied after the projection.</summary>
    public sealed class RosterRow
    {
        public Guid Id { get; init; }
        public Guid CommitteeId { get; init; }
        public string Name { get; init; } = "";
        public Gender Gender { get; init; }
        public int BirthYear { get; init; }
        public Guid? SectorId { get; init; }
        public string? Sector { get; init; }
        public string WorkUnit { get; init; } = "";
        public string DutyCode { get; init; } = "";
    }
}
