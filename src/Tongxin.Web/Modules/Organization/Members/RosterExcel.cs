using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization.Members;

/// <summary>One problem of an import file: the Excel row number, the column header and what is wrong, in Chinese.</summary>
public sealed record ImportProblem(int Row, string Column, string Problem);

/// <summary>Either every row was imported, or nothing was and the problems say why.</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>The roster's Excel layout: export, template and import use the same columns, so an
/// exported roster can be imported again (e.g. into a new term's or a sister committee's roster).</summary>
public static class RosterColumns
{
    public const string Name = "姓名";
    public const string Gender = "性别";
    public const string BirthYear = "出生年份";
    public const string Ethnicity = "民族";
    public const string Party = "政治面貌";
    public const string Sector = "界别";
    public const string WorkUnit = "工作单位";
    public const string Title = "职务";
    public const string Position = "政协职务";
    public const string Mobile = "手机号码";
    public const string Email = "电子邮箱";
    public const string SpecialCommittees = "专门委员会";
    public const string Groups = "所属小组";
    public const string Tags = "标签";
    public const string Active = "在任";
    public const string DutyCode = "履职码";

    public static readonly string[] All =
        [Name, Gender, BirthYear, Ethnicity, Party, Sector, WorkUnit, Title, Position, Mobile, Email, SpecialCommittees, Groups, Tags, Active, DutyCode];

    public static readonly string[] Required = [Name, Gender, BirthYear, Sector];

    public static readonly Dictionary<string, string> Notes = new()
    {
        [Name] = "必填，不超过50字",
        [Gender] = "必填：男 或 女",
        [BirthYear] = "必填：四位数字年份，如 1975",
        [Ethnicity] = "选填，默认“汉族”",
        [Party] = "选填：" + string.Join("、", MemberRules.Parties),
        [Sector] = "必填：本会已设立的界别名称",
        [WorkUnit] = "选填",
        [Title] = "选填：在工作单位的职务",
        [Position] = "选填：委员、常委、副主席、主席，默认“委员”",
        [Mobile] = "选填：以1开头的11位数字",
        [Email] = "选填",
        [SpecialCommittees] = "选填：本会专门委员会名称，多个用“、”分隔",
        [Groups] = "选填：本会小组名称，多个用“、”分隔",
        [Tags] = "选填：专长标签，多个用“、”分隔",
        [Active] = "选填：是 或 否，默认“是”",
        [DutyCode] = "导出时附带，导入时不必填写：新委员的履职码由系统生成；若填写，与本会已有委员的履职码重复的行不予导入",
    };
}

/// <summary>Reads and writes the roster workbook. No AdjustToContents: it needs System.Drawing.</summary>
internal static class RosterWorkbook
{
    public const int MaxDataRows = 2000;

    public static void WriteHeader(IXLWorksheet sheet)
    {
        for (var c = 0; c < RosterColumns.All.Length; c++)
        {
            var cell = sheet.Cell(1, c + 1);
            cell.SetValue(RosterColumns.All[c]);
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = RosterColumns.Required.Contains(RosterColumns.All[c]) ? XLColor.LightYellow : XLColor.LightGray;
            sheet.Column(c + 1).Width = RosterColumns.All[c] switch
            {
                RosterColumns.WorkUnit or RosterColumns.SpecialCommittees or RosterColumns.Groups or RosterColumns.Tags => 30,
                RosterColumns.Mobile or RosterColumns.Email or RosterColumns.DutyCode => 18,
                _ => 12,
            };
        }

        sheet.SheetView.FreezeRows(1);
    }

    /// <summary>Writes text as text, so mobile numbers and codes keep their digits.</summary>
    public static void SetText(IXLCell cell, string value)
    {
        cell.DataType = XLDataType.Text;
        cell.SetValue(value);
    }

    public static byte[] Template()
    {
        using var workbook = new XLWorkbook();
        WriteHeader(workbook.AddWorksheet("委员名册"));
        var notes = workbook.AddWorksheet("填写说明");
        notes.Cell(1, 1).SetValue("列名");
        notes.Cell(1, 2).SetValue("填写要求");
        notes.Row(1).Style.Font.Bold = true;
        for (var i = 0; i < RosterColumns.All.Length; i++)
        {
            notes.Cell(i + 2, 1).SetValue(RosterColumns.All[i]);
            notes.Cell(i + 2, 2).SetValue(RosterColumns.Notes[RosterColumns.All[i]]);
        }

        notes.Cell(RosterColumns.All.Length + 3, 1).SetValue($"第一行为列名，请勿修改；从第二行起每行一名委员，最多{MaxDataRows}行。文件有任何问题时整份不导入，请按问题清单修改后重新上传。");
        notes.Column(1).Width = 14;
        notes.Column(2).Width = 90;
        return Save(workbook);
    }

    public static byte[] Save(XLWorkbook workbook)
    {
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    /// <summary>A cell as the text a person sees: whole numbers without ".0" or exponent (birth years, mobile
    /// numbers typed as numbers). Formulas are never evaluated – an unsupported function must not fail the
    /// import – so their last value saved by Excel is used.</summary>
    public static string Text(IXLCell cell)
    {
        var value = cell.HasFormula ? cell.CachedValue : cell.Value;
        return value switch
        {
            null => "",
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
            double d => d.ToString(CultureInfo.InvariantCulture),
            DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim(),
        };
    }
}

/// <summary>委员名册导入导出 – Excel export of the filtered roster and all-or-nothing import.</summary>
public sealed class RosterExcelHandler(TongxinDbContext db, IActorAccessor actorAccessor, MemberRosterHandler roster, TimeProvider time)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    private Actor Actor => actorAccessor.Actor;

    public void EnsureCanImport() => OrganizationPermissions.EnsureCanManage(Actor, roster.OwnCommitteeId);

    public byte[] Template()
    {
        EnsureCanImport();
        return RosterWorkbook.Template();
    }

    /// <summary>The filtered roster; mobile numbers in full only for staff who manage it.</summary>
    public async Task<byte[]> ExportAsync(MemberFilter filter, CancellationToken ct = default)
    {
        var committeeId = roster.OwnCommitteeId;
        OrganizationPermissions.EnsureCanRead(Actor, committeeId);
        var unmasked = OrganizationPermissions.CanManage(Actor, committeeId);

        // Memberships for the whole committee in two queries, not one per member.
        var specials = (await (from x in db.Set<MemberSpecialCommittee>()
                               join c in db.SpecialCommittees on x.SpecialCommitteeId equals c.Id
                               where c.CommitteeId == committeeId
                               orderby c.SortOrder
                               select new { x.MemberId, c.Name }).ToListAsync(ct))
            .ToLookup(x => x.MemberId, x => x.Name);
        var groups = (await (from x in db.Set<MemberGroupMembership>()
                             join g in db.MemberGroups on x.GroupId equals g.Id
                             where g.CommitteeId == committeeId
                             orderby g.Name
                             select new { x.MemberId, g.Name }).ToListAsync(ct))
            .ToLookup(x => x.MemberId, x => x.Name);

        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("委员名册");
        RosterWorkbook.WriteHeader(sheet);
        var rows = from m in roster.Query(committeeId, filter)
                   join s in db.Sectors on m.SectorId equals s.Id into sectors
                   from s in sectors.DefaultIfEmpty()
                   select new { m.Id, m.Name, m.Gender, m.BirthYear, m.Ethnicity, m.Party, Sector = s.Name, m.WorkUnit, m.Title, m.Position, m.Mobile, m.Email, m.Tags, m.IsActive, m.DutyCode };
        var r = 1;
        await foreach (var m in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            r++;
            string[] values =
            [
                m.Name, m.Gender.DisplayName(), m.BirthYear.ToString(CultureInfo.InvariantCulture), m.Ethnicity, m.Party, m.Sector ?? "",
                m.WorkUnit, m.Title, m.Position.DisplayName(), unmasked ? m.Mobile : MemberRules.MaskMobile(m.Mobile), m.Email,
                string.Join("、", specials[m.Id]), string.Join("、", groups[m.Id]), m.Tags, m.IsActive ? "是" : "否", m.DutyCode,
            ];
            for (var c = 0; c < values.Length; c++)
            {
                if (RosterColumns.All[c] == RosterColumns.BirthYear)
                {
                    sheet.Cell(r, c + 1).SetValue(m.BirthYear);
                }
                else
                {
                    RosterWorkbook.SetText(sheet.Cell(r, c + 1), values[c]);
                }
            }
        }

        db.Audit("导出委员名册", "Member", committeeId.ToString(), "成功", $"{r - 1} 名委员；手机号码{(unmasked ? "完整" : "已脱敏")}；{Describe(filter)}");
        await db.SaveChangesAsync(ct);
        return RosterWorkbook.Save(workbook);
    }

    private static string Describe(MemberFilter f) =>
        "筛选：" + string.Join("，", new[]
        {
            f.Name is { Length: > 0 } ? $"姓名含“{f.Name}”" : null,
            f.SectorId is not null ? "指定界别" : null,
            f.Party is { Length: > 0 } ? "指定政治面貌" : null,
            f.Position is { } p ? $"政协职务={p.DisplayName()}" : null,
            f.IsActive is { } a ? (a ? "在任" : "不在任") : null,
        }.Where(x => x is not null).DefaultIfEmpty("无"));

    /// <summary>Checks every row of the file; stores all rows in one save only when there is no problem at all.
    /// A file that is not a readable .xlsx workbook, or lacks required columns, is a <see cref="ValidationFailedException"/> on "File".</summary>
    public async Task<ImportResult> ImportAsync(Stream file, string fileName, CancellationToken ct = default)
    {
        EnsureCanImport();
        var committeeId = roster.OwnCommitteeId;

        using var workbook = await OpenAsync(file, ct);
        var sheet = workbook.Worksheets.First();
        var columns = ReadHeader(sheet);
        var lastRow = sheet.LastRowUsed()?.RowNumber() ?? 1;
        var rows = new List<ImportRow>();
        for (var r = 2; r <= lastRow; r++)
        {
            var values = columns.ToDictionary(c => c.Key, c => RosterWorkbook.Text(sheet.Cell(r, c.Value)));
            if (values.Values.All(v => v.Length == 0))
            {
                continue;
            }

            rows.Add(new ImportRow(r, values));
        }

        new Validation()
            .Require(rows.Count > 0, "File", "文件中没有委员数据（第一行为列名，从第二行起每行一名委员）。")
            .Require(rows.Count <= RosterWorkbook.MaxDataRows, "File", $"一次最多导入{RosterWorkbook.MaxDataRows}名委员，请分批导入。")
            .ThrowIfInvalid();

        var problems = new List<ImportProblem>();
        var members = await CheckAsync(committeeId, rows, problems, ct);
        if (problems.Count > 0)
        {
            db.Audit("导入委员名册", "Member", committeeId.ToString(), "失败", $"{fileName}：{rows.Count} 行，{problems.Count} 个问题，未导入");
            await db.SaveChangesAsync(ct);
            return new ImportResult(0, [.. problems.OrderBy(p => p.Row).ThenBy(p => Array.IndexOf(RosterColumns.All, p.Column))]);
        }

        var code = await db.Committees.Where(c => c.Id == committeeId).Select(c => c.Code).SingleAsync(ct);
        var dutyCodes = await MemberRules.NewDutyCodesAsync(db, code, members.Count, ct);
        for (var i = 0; i < members.Count; i++)
        {
            members[i].DutyCode = dutyCodes[i];
            db.Members.Add(members[i]);
            db.Raise(new MemberCreated(members[i].Id, committeeId));
        }

        db.Audit("导入委员名册", "Member", committeeId.ToString(), "成功", $"{fileName}：导入 {members.Count} 名委员");
        await db.SaveChangesAsync(ct);
        return new ImportResult(members.Count, []);
    }

    private static async Task<XLWorkbook> OpenAsync(Stream file, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        new Validation()
            .Require(buffer.Length <= MaxFileBytes, "File", $"文件不能超过{MaxFileBytes / 1024 / 1024}MB。")
            .Require(buffer.Length > 0, "File", "上传的文件是空的。")
            .ThrowIfInvalid();
        var bytes = buffer.GetBuffer();
        // .xlsx is a zip package; anything else (an old .xls, a CSV, a renamed file) is refused before parsing.
        var isZip = buffer.Length > 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04;
        const string unreadable = "无法读取该文件：请上传用 Excel 保存的 .xlsx 格式名册（可先下载导入模板）。";
        if (!isZip)
        {
            throw new ValidationFailedException("File", unreadable);
        }

        buffer.Position = 0;
        try
        {
            return new XLWorkbook(buffer);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A damaged package fails deep inside the OpenXML reader with many exception types; all mean the same to the user.
            throw new ValidationFailedException("File", unreadable);
        }
    }

    private static Dictionary<string, int> ReadHeader(IXLWorksheet sheet)
    {
        var columns = new Dictionary<string, int>();
        var lastColumn = sheet.Row(1).LastCellUsed()?.Address.ColumnNumber ?? 0;
        for (var c = 1; c <= lastColumn; c++)
        {
            var header = RosterWorkbook.Text(sheet.Cell(1, c)).TrimEnd('*', '＊').Trim();
            if (RosterColumns.All.Contains(header))
            {
                columns.TryAdd(header, c);
            }
        }

        var missing = RosterColumns.Required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new ValidationFailedException("File", $"第1行缺少必需的列：{string.Join("、", missing)}。请使用导入模板。");
        }

        return columns;
    }

    private async Task<List<Member>> CheckAsync(Guid committeeId, List<ImportRow> rows, List<ImportProblem> problems, CancellationToken ct)
    {
        var sectors = await db.Sectors.Where(s => s.CommitteeId == committeeId).ToDictionaryAsync(s => s.Name, s => s.Id, ct);
        var specials = await db.SpecialCommittees.Where(s => s.CommitteeId == committeeId).ToDictionaryAsync(s => s.Name, s => s.Id, ct);
        var groups = await db.MemberGroups.Where(g => g.CommitteeId == committeeId).ToDictionaryAsync(g => g.Name, g => g.Id, ct);
        var termId = await db.Terms.Where(t => t.CommitteeId == committeeId).OrderByDescending(t => t.Number).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        var names = rows.Select(r => r.Get(RosterColumns.Name)).Where(n => n.Length > 0).Distinct().ToList();
        var existing = (await db.Members.Where(m => m.CommitteeId == committeeId && names.Contains(m.Name)).Select(m => new { m.Name, m.BirthYear }).ToListAsync(ct))
            .Select(m => (m.Name, m.BirthYear)).ToHashSet();
        var codes = rows.Select(r => r.Get(RosterColumns.DutyCode)).Where(c => c.Length > 0).Distinct().ToList();
        var existingCodes = (await db.Members.Where(m => m.CommitteeId == committeeId && codes.Contains(m.DutyCode)).Select(m => m.DutyCode).ToListAsync(ct)).ToHashSet();

        var seenPeople = new Dictionary<(string, int), int>();
        var seenCodes = new Dictionary<string, int>();
        var members = new List<Member>();
        foreach (var row in rows)
        {
            void Problem(string column, string message) => problems.Add(new ImportProblem(row.Number, column, message));

            var name = row.Get(RosterColumns.Name);
            if (name.Length == 0)
            {
                Problem(RosterColumns.Name, "姓名不能为空。");
            }
            else if (name.Length > MemberRules.MaxNameLength)
            {
                Problem(RosterColumns.Name, $"姓名不能超过{MemberRules.MaxNameLength}个字。");
            }

            Gender? gender = row.Get(RosterColumns.Gender) switch
            {
                "男" => Gender.Male,
                "女" => Gender.Female,
                _ => null,
            };
            if (gender is null)
            {
                Problem(RosterColumns.Gender, row.Get(RosterColumns.Gender).Length == 0 ? "性别不能为空。" : $"性别应为“男”或“女”，而不是“{row.Get(RosterColumns.Gender)}”。");
            }

            var yearText = row.Get(RosterColumns.BirthYear);
            int? birthYear = int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && MemberRules.IsValidBirthYear(y, time) ? y : null;
            if (birthYear is null)
            {
                Problem(RosterColumns.BirthYear, yearText.Length == 0 ? "出生年份不能为空。" : $"“{yearText}”不是有效的出生年份，{MemberRules.BirthYearMessage(time)}");
            }

            var ethnicity = row.Get(RosterColumns.Ethnicity);
            if (ethnicity.Length > 20)
            {
                Problem(RosterColumns.Ethnicity, "民族不能超过20个字。");
            }

            var party = row.Get(RosterColumns.Party);
            if (party.Length > 0 && !MemberRules.IsValidParty(party))
            {
                Problem(RosterColumns.Party, $"“{party}”不是可选的政治面貌，应为：{string.Join("、", MemberRules.Parties)}。");
            }

            var sectorName = row.Get(RosterColumns.Sector);
            Guid? sectorId = sectors.TryGetValue(sectorName, out var sid) ? sid : null;
            if (sectorId is null)
            {
                Problem(RosterColumns.Sector, sectorName.Length == 0 ? "界别不能为空。" : $"本会没有“{sectorName}”界别。");
            }

            var workUnit = row.Get(RosterColumns.WorkUnit);
            var title = row.Get(RosterColumns.Title);
            if (workUnit.Length > MemberRules.MaxTextLength)
            {
                Problem(RosterColumns.WorkUnit, $"工作单位不能超过{MemberRules.MaxTextLength}个字。");
            }

            if (title.Length > MemberRules.MaxTextLength)
            {
                Problem(RosterColumns.Title, $"职务不能超过{MemberRules.MaxTextLength}个字。");
            }

            var positionText = row.Get(RosterColumns.Position);
            Position? position = positionText.Length == 0 ? Position.Member : Enum.GetValues<Position>().Where(p => p.DisplayName() == positionText).Select(p => (Position?)p).FirstOrDefault();
            if (position is null)
            {
                Problem(RosterColumns.Position, $"政协职务应为委员、常委、副主席或主席，而不是“{positionText}”。");
            }

            var mobile = row.Get(RosterColumns.Mobile);
            if (mobile.Length > 0 && !MemberRules.IsValidMobile(mobile))
            {
                Problem(RosterColumns.Mobile, mobile.Contains('*') ? "手机号码已脱敏，请填写完整号码。" : $"“{mobile}”不是有效的手机号码（以1开头的11位数字）。");
            }

            var email = row.Get(RosterColumns.Email);
            if (email.Length > 0 && !MemberRules.IsValidEmail(email))
            {
                Problem(RosterColumns.Email, $"“{email}”不是有效的电子邮箱。");
            }

            var specialIds = Resolve(row.Get(RosterColumns.SpecialCommittees), specials, RosterColumns.SpecialCommittees, "专门委员会", Problem);
            var groupIds = Resolve(row.Get(RosterColumns.Groups), groups, RosterColumns.Groups, "小组", Problem);

            var tags = MemberRules.NormalizeTags(row.Get(RosterColumns.Tags));
            if (MemberRules.TagsProblem(tags) is { } tagProblem)
            {
                Problem(RosterColumns.Tags, tagProblem);
            }

            bool? active = row.Get(RosterColumns.Active) switch
            {
                "" or "是" => true,
                "否" => false,
                _ => null,
            };
            if (active is null)
            {
                Problem(RosterColumns.Active, $"在任应填“是”或“否”，而不是“{row.Get(RosterColumns.Active)}”。");
            }

            if (name.Length > 0 && birthYear is { } year)
            {
                if (seenPeople.TryGetValue((name, year), out var first))
                {
                    Problem(RosterColumns.Name, $"与第{first}行重复（姓名和出生年份相同）。");
                }
                else
                {
                    seenPeople[(name, year)] = row.Number;
                    if (existing.Contains((name, year)))
                    {
                        Problem(RosterColumns.Name, $"名册中已有{year}年出生的“{name}”。");
                    }
                }
            }

            var dutyCode = row.Get(RosterColumns.DutyCode);
            if (dutyCode.Length > 0)
            {
                if (seenCodes.TryGetValue(dutyCode, out var first))
                {
                    Problem(RosterColumns.DutyCode, $"履职码与第{first}行重复。");
                }
                else
                {
                    seenCodes[dutyCode] = row.Number;
                    if (existingCodes.Contains(dutyCode))
                    {
                        Problem(RosterColumns.DutyCode, $"履职码“{dutyCode}”已属于本会名册中的委员。");
                    }
                }
            }

            if (problems.Count == 0)
            {
                var member = new Member
                {
                    CommitteeId = committeeId,
                    Name = name,
                    Gender = gender!.Value,
                    BirthYear = birthYear!.Value,
                    Ethnicity = ethnicity.Length == 0 ? "汉族" : ethnicity,
                    Party = party,
                    SectorId = sectorId,
                    WorkUnit = workUnit,
                    Title = title,
                    Position = position!.Value,
                    Mobile = mobile,
                    Email = email,
                    Tags = tags,
                    IsActive = active!.Value,
                    TermId = termId,
                };
                member.SpecialCommittees.AddRange(specialIds.Select(id => new MemberSpecialCommittee { MemberId = member.Id, SpecialCommitteeId = id }));
                member.Groups.AddRange(groupIds.Select(id => new MemberGroupMembership { MemberId = member.Id, GroupId = id }));
                members.Add(member);
            }
        }

        return members;
    }

    private static List<Guid> Resolve(string text, Dictionary<string, Guid> known, string column, string what, Action<string, string> problem)
    {
        var ids = new List<Guid>();
        foreach (var name in MemberRules.SplitList(text).Distinct())
        {
            if (known.TryGetValue(name, out var id))
            {
                ids.Add(id);
            }
            else
            {
                problem(column, $"本会没有名为“{name}”的{what}。");
            }
        }

        return ids;
    }

    private sealed record ImportRow(int Number, Dictionary<string, string> Values)
    {
        public string Get(string column) => Values.TryGetValue(column, out var value) ? value : "";
    }
}
