using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongxin.Modules.Organization;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Calendar;
using Tongxin.Platform.Data;

namespace Tongxin.Platform.Seeding;

public enum SeedScale
{
    /// <summary>示例市政协 with two counties, ~300 members: the run command's demo.</summary>
    Demo,
    /// <summary>A city with ten counties, ~3,000 members.</summary>
    City,
    /// <summary>A province: 100 committees, 30,000 members, for benchmarks.</summary>
    Province,
}

/// <summary>Creates fictional demo data, deterministic for a scale (fixed random seed). Bulk rows
/// go in chunks without change tracking or per-row audit, so the province scale takes minutes.</summary>
public sealed class DemoSeeder(
    TongxinDbContext db, UserManager<AppUser> users, RoleManager<AppRole> roles, Tongxin.Modules.Performance.Ledger.DutyLedger ledger, ILogger<DemoSeeder> log)
{
    public const string CityCommitteeName = "示例市政协";
    private const int ChunkSize = 2000;
    private readonly Random random = new(2026);
    private int dutySequence;

    public async Task<SeedReport> SeedAsync(SeedScale scale, CancellationToken ct = default)
    {
        if (await db.Committees.IgnoreQueryFilters().AnyAsync(ct))
        {
            throw new InvalidOperationException("数据库中已有政协组织数据，演示数据只能写入空数据库。");
        }

        var clock = Stopwatch.StartNew();
        db.AuditEntityChanges = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new AppRole(role));
        }

        var plan = Plan(scale);
        var members = 0;
        // Parents are planned before their children, so a parent's id is always known here.
        var ids = new Dictionary<string, Guid>();
        CommitteeSeed? city = null;
        foreach (var committee in plan)
        {
            var seeded = await SeedCommitteeAsync(committee, committee.ParentName is null ? null : ids[committee.ParentName], ct);
            ids[committee.Name] = seeded.Committee.Id;
            members += seeded.MemberCount;
            if (committee.Name == CityCommitteeName)
            {
                city = seeded;
            }
        }

        var county = plan.First(c => c.Level == CommitteeLevel.County && c.ParentName == CityCommitteeName);
        await CreateDemoAccountsAsync(city!, ids[county.Name], ct);
        await Tongxin.Modules.Proposals.Seeding.ProposalDemoSeeder.SeedAsync(db, scale, ct);
        await Tongxin.Modules.Opinions.Seeding.OpinionDemoSeeder.SeedAsync(db, scale, ct);
        await Tongxin.Modules.PublicChannels.Points.PointsDemoSeeder.SeedAsync(db, scale, ct);
        await Tongxin.Modules.PublicChannels.Studios.StudioDemoSeeder.SeedAsync(db, ct);
        await Tongxin.Modules.PublicChannels.Topics.TopicDemoSeeder.SeedAsync(db, ct);
        await Tongxin.Modules.Consultation.Seeding.PlanDemoSeeder.SeedAsync(db, ct);
        await Tongxin.Modules.Consultation.Seeding.ActivitiesDemoSeeder.SeedAsync(db, ct);
        // The parts below fill in the activities seeded above.
        await Tongxin.Modules.Consultation.Seeding.PreparationDemoSeeder.SeedAsync(db, ct);
        await Tongxin.Modules.Consultation.Seeding.ResultsDemoSeeder.SeedAsync(db, ct);
        await Tongxin.Modules.Consultation.Seeding.OnlineDemoSeeder.SeedAsync(db, ct);
        await Tongxin.Modules.Supervision.Seeding.SupervisionDemoSeeder.SeedAsync(db, ct);
        await Tongxin.Modules.Evaluation.Seeding.EvaluationDemoSeeder.SeedAsync(db, ct);
        // Last: the duty ledger is built from everything seeded above.
        await Tongxin.Modules.Performance.Seeding.PerformanceDemoSeeder.SeedAsync(db, ledger, scale, ct);

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.AuditEntityChanges = true;
        db.Audit("生成演示数据", "Seed", scale.ToString(), "成功", $"{plan.Count} 个政协组织，{members} 名委员");
        await db.SaveChangesAsync(ct);
        log.LogInformation("Seeded {Scale}: {Committees} committees, {Members} members in {Elapsed}", scale, plan.Count, members, clock.Elapsed);
        return new SeedReport(plan.Count, members, clock.Elapsed);
    }

    /// <summary>The committees a scale creates, parents before children, with their member counts.</summary>
    internal static List<CommitteePlan> Plan(SeedScale scale)
    {
        var counties = new[] { "东湖区", "青山县", "西溪区", "南浦县", "北塘区", "凤鸣县", "云溪区", "白沙县", "临江区", "石桥县" };
        var list = new List<CommitteePlan>();
        switch (scale)
        {
            case SeedScale.Demo:
                list.Add(new(CityCommitteeName, "SLS", CommitteeLevel.City, null, 300));
                list.Add(new("示例市东湖区政协", "SLS01", CommitteeLevel.County, CityCommitteeName, 60));
                list.Add(new("示例市青山县政协", "SLS02", CommitteeLevel.County, CityCommitteeName, 60));
                break;
            case SeedScale.City:
                list.Add(new(CityCommitteeName, "SLS", CommitteeLevel.City, null, 500));
                list.AddRange(counties.Select((c, i) => new CommitteePlan($"示例市{c}政协", $"SLS{i + 1:D2}", CommitteeLevel.County, CityCommitteeName, 250)));
                break;
            case SeedScale.Province:
                var cities = new[] { "示例市", "江北市", "海宁市", "金华市", "丽水市", "衢江市", "舟山市", "台州市", "温岭市", "湖州市", "嘉兴市" };
                list.Add(new("示例省政协", "SLP", CommitteeLevel.Province, null, 300));
                for (var c = 0; c < cities.Length; c++)
                {
                    var cityName = c == 0 ? CityCommitteeName : $"{cities[c]}政协";
                    list.Add(new(cityName, $"P{c:D2}", CommitteeLevel.City, "示例省政协", 400));
                    // 1 province + 11 cities + 88 counties = 100 committees.
                    for (var k = 0; k < 8; k++)
                    {
                        list.Add(new($"{cities[c]}{counties[k]}政协", $"P{c:D2}{k + 1:D2}", CommitteeLevel.County, cityName, 0));
                    }
                }

                // 30,000 members in all: the province and cities take their share, counties the rest evenly.
                var fixedShare = list.Where(p => p.Level != CommitteeLevel.County).Sum(p => p.MemberCount);
                var countyPlans = list.Where(p => p.Level == CommitteeLevel.County).ToList();
                var perCounty = (30_000 - fixedShare) / countyPlans.Count;
                var remainder = (30_000 - fixedShare) % countyPlans.Count;
                for (var i = 0; i < countyPlans.Count; i++)
                {
                    var index = list.IndexOf(countyPlans[i]);
                    list[index] = countyPlans[i] with { MemberCount = perCounty + (i < remainder ? 1 : 0) };
                }

                break;
        }

        return list;
    }

    private async Task<CommitteeSeed> SeedCommitteeAsync(CommitteePlan plan, Guid? parentId, CancellationToken ct)
    {
        var committee = new Committee
        {
            Name = plan.Name,
            Code = plan.Code,
            Level = plan.Level,
            ParentId = parentId,
            ParentMayRead = parentId is not null,
        };
        db.Committees.Add(committee);
        var id = committee.Id;

        var term = new Term { CommitteeId = id, Number = 9, Name = "第九届", StartDate = new(2022, 1, 1), EndDate = new(2026, 12, 31) };
        db.Terms.Add(term);
        for (var n = 1; n <= 5; n++)
        {
            var start = new DateOnly(2021 + n, 1, 10);
            db.Sessions.Add(new Session
            {
                CommitteeId = id,
                TermId = term.Id,
                Number = n,
                Name = $"九届{ChineseNumber(n)}次会议",
                StartDate = start,
                EndDate = start.AddDays(4),
                IsCurrent = n == 5,
            });
        }

        var sectors = DemoNames.Sectors.Select((s, i) => new Sector { CommitteeId = id, Name = s, SortOrder = i }).ToList();
        db.Sectors.AddRange(sectors);
        var specials = DemoNames.SpecialCommittees.Select((s, i) => new SpecialCommittee { CommitteeId = id, Name = s, SortOrder = i }).ToList();
        db.SpecialCommittees.AddRange(specials);
        var groups = sectors.Take(12).Select((s, i) => new MemberGroup
        {
            CommitteeId = id,
            Name = $"第{ChineseNumber(i + 1)}界别活动组（{s.Name}）",
            Kind = GroupKind.SectorActivityGroup,
            SectorId = s.Id,
        }).ToList();
        groups.AddRange(Enumerable.Range(1, 4).Select(i => new MemberGroup
        {
            CommitteeId = id,
            Name = $"第{ChineseNumber(i)}联络组",
            Kind = GroupKind.LiaisonGroup,
        }));
        db.MemberGroups.AddRange(groups);

        var place = plan.Name.Replace("政协", "");
        var unitCount = plan.Level == CommitteeLevel.County ? 20 : DemoNames.Departments.Length;
        var units = DemoNames.Departments.Take(unitCount).Select(d => new HandlingUnit
        {
            CommitteeId = id,
            Name = place + d,
            Kind = d.Contains("法院") ? HandlingUnitKind.Court
                : d.Contains("检察院") ? HandlingUnitKind.Procuratorate
                : d is "总工会" or "团委" or "妇女联合会" or "科学技术协会" or "残疾人联合会" ? HandlingUnitKind.PeoplesOrganization
                : HandlingUnitKind.GovernmentDepartment,
            ContactPerson = Pick(DemoNames.Surnames) + "科长",
            ContactPhone = $"0571-8{random.Next(1000000, 9999999)}",
        }).ToList();
        db.HandlingUnits.AddRange(units);
        await SaveChunkAsync(ct);

        var members = new List<Member>(plan.MemberCount);
        for (var i = 0; i < plan.MemberCount; i++)
        {
            var member = NewMember(id, term.Id, plan.Code, sectors, i);
            member.SpecialCommittees.Add(new MemberSpecialCommittee { MemberId = member.Id, SpecialCommitteeId = Pick(specials).Id });
            var sectorGroup = groups.FirstOrDefault(g => g.SectorId == member.SectorId);
            member.Groups.Add(new MemberGroupMembership { MemberId = member.Id, GroupId = (sectorGroup ?? groups[^(1 + (i % 4))]).Id });
            members.Add(member);
            db.Members.Add(member);
            if (members.Count % ChunkSize == 0)
            {
                await SaveChunkAsync(ct);
            }
        }

        if (plan.MemberCount > 0)
        {
            db.Venues.AddRange(
                new Venue { CommitteeId = id, Name = $"{place}委员会客厅", Kind = VenueKind.ReceptionRoom, Address = $"{place}人民路1号", LeadMemberId = members[0].Id, StarRating = 5 },
                new Venue { CommitteeId = id, Name = $"{place}教育界别委员工作室", Kind = VenueKind.MemberStudio, Address = $"{place}文化路8号", LeadMemberId = members[^1].Id },
                new Venue { CommitteeId = id, Name = $"{place}城南街道民生议事堂", Kind = VenueKind.ConsultationHall, Address = $"{place}城南街道" },
                new Venue { CommitteeId = id, Name = $"{place}桃源村协商驿站", Kind = VenueKind.ConsultationPost, Address = $"{place}桃源村" },
                new Venue { CommitteeId = id, Name = $"{place}人民医院社情民意信息联系点", Kind = VenueKind.OpinionLiaisonPoint, Address = $"{place}健康路2号" });
        }

        await SaveChunkAsync(ct);
        return new CommitteeSeed(committee, sectors, units, members);
    }

    private Member NewMember(Guid committeeId, Guid termId, string code, List<Sector> sectors, int index)
    {
        var gender = random.Next(100) < 38 ? Gender.Female : Gender.Male;
        var name = Pick(DemoNames.Surnames) + Pick(gender == Gender.Female ? DemoNames.GivenFemale : DemoNames.GivenMale);
        var sector = sectors[index % sectors.Count];
        var party = sector.Name switch
        {
            "中共" => "中共党员",
            "民革" => "民革党员",
            "民盟" => "民盟盟员",
            "民建" => "民建会员",
            "民进" => "民进会员",
            "农工党" => "农工党党员",
            "致公党" => "致公党党员",
            "九三学社" => "九三学社社员",
            "无党派人士" => "无党派人士",
            _ => Pick(DemoNames.Parties),
        };
        return new Member
        {
            CommitteeId = committeeId,
            Name = name,
            Gender = gender,
            BirthYear = random.Next(1960, 1992),
            Ethnicity = Pick(DemoNames.Ethnicities),
            Party = party,
            SectorId = sector.Id,
            WorkUnit = "示例" + Pick(DemoNames.Employers),
            Title = Pick(DemoNames.Titles),
            Position = index switch
            {
                0 => Position.Chair,
                < 5 => Position.ViceChair,
                < 40 => Position.StandingMember,
                _ => Position.Member,
            },
            Mobile = $"13{random.Next(0, 10)}{random.Next(10000000, 99999999)}",
            Tags = string.Join("、", Enumerable.Range(0, 2).Select(_ => Pick(DemoNames.Tags)).Distinct()),
            DutyCode = $"{code}{++dutySequence:D6}",
            TermId = termId,
        };
    }

    private async Task CreateDemoAccountsAsync(CommitteeSeed city, Guid countyId, CancellationToken ct)
    {
        var cityId = city.Committee.Id;
        var unit = city.Units.Single(u => u.Name == "示例市住房和城乡建设局");
        var member1 = city.Members[10];
        var member2 = city.Members.Skip(11).First(m => m.SectorId != member1.SectorId);
        var accounts = new (string User, string Display, string Role, Guid Committee, Guid? Member, Guid? Unit, string Perms)[]
        {
            ("demo.member", member1.Name, Roles.Member, cityId, member1.Id, null, ""),
            ("demo.member2", member2.Name, Roles.Member, cityId, member2.Id, null, ""),
            ("demo.staff", "示例市政协办公室 王晓东", Roles.Staff, cityId, null, null, string.Join(",", Permissions.All)),
            ("demo.unit", "住建局 刘建华", Roles.Unit, cityId, null, unit.Id, ""),
            ("demo.leader", "示例市政协 陈主席", Roles.Leader, cityId, null, null, ""),
            ("demo.county.staff", "东湖区政协办公室 张敏", Roles.Staff, countyId, null, null, string.Join(",", Permissions.All)),
            ("demo.sysadmin", "系统管理员", Roles.SysAdmin, cityId, null, null, ""),
            ("demo.secadmin", "安全管理员", Roles.SecAdmin, cityId, null, null, ""),
            ("demo.auditadmin", "审计管理员", Roles.AuditAdmin, cityId, null, null, ""),
        };
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        // Hashing is deliberately slow (PBKDF2) and the password is the same published one for
        // every demo account, so it is hashed once: that was most of the demo seed's time, which
        // every test app pays at start-up.
        var passwordHash = users.PasswordHasher.HashPassword(new AppUser(), DemoAccounts.Password);
        foreach (var a in accounts)
        {
            var user = new AppUser
            {
                UserName = a.User,
                DisplayName = a.Display,
                CommitteeId = a.Committee,
                MemberId = a.Member,
                HandlingUnitId = a.Unit,
                ModulePermissions = a.Perms,
                PasswordChangedAt = db.Time.GetUtcNow().UtcDateTime,
                PasswordHash = passwordHash,
            };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"演示账号 {a.User} 创建失败：{string.Join("；", created.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, a.Role);
        }

        ct.ThrowIfCancellationRequested();
    }

    private async Task SaveChunkAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string ChineseNumber(int n)
    {
        string[] digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        return n <= 10 ? digits[n] : n < 20 ? "十" + digits[n - 10] : digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10]);
    }

    internal sealed record CommitteePlan(string Name, string Code, CommitteeLevel Level, string? ParentName, int MemberCount);

    private sealed record CommitteeSeed(Committee Committee, List<Sector> Sectors, List<HandlingUnit> Units, List<Member> Members)
    {
        public int MemberCount => Members.Count;
    }
}

public sealed record SeedReport(int Committees, int Members, TimeSpan Elapsed);
