using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Tongxin.Platform.Data;
using Tongxin.Platform.Tenancy;
using Tongxin.Platform.Web;

namespace Tongxin.Modules.Organization.HandlingUnits;

/// <summary>承办单位 as a form and an API body.</summary>
public sealed class HandlingUnitInput
{
    public string? Name { get; set; }
    public HandlingUnitKind Kind { get; set; } = HandlingUnitKind.GovernmentDepartment;
    public string? ContactPerson { get; set; }
    public string? ContactPhone { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}

public sealed record HandlingUnitRow(Guid Id, string Name, HandlingUnitKind Kind, string ContactPerson, string ContactPhone, bool IsActive, int UserCount, int Version);

/// <summary>承办单位管理 – the departments that answer proposals. A unit that has accounts is
/// deactivated rather than deleted, so what it handled keeps its name.</summary>
public sealed class HandlingUnitAdmin(TongxinDbContext db, IActorAccessor actors)
{
    private Actor Actor => actors.Actor;

    public bool CanManage => Actor.CommitteeId is { } id && OrganizationPermissions.CanManage(Actor, id);

    public async Task<PagedList<HandlingUnitRow>> ListAsync(string? search = null, bool includeInactive = true, int page = 1, Guid? committeeId = null, CancellationToken ct = default)
    {
        var id = Actor.CommitteeToRead(committeeId);
        var query = db.HandlingUnits.AsNoTracking().Where(u => u.CommitteeId == id);
        if (!includeInactive)
        {
            query = query.Where(u => u.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            query = query.Where(u => u.Name.Contains(text) || u.ContactPerson.Contains(text));
        }

        return await query
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new HandlingUnitRow(u.Id, u.Name, u.Kind, u.ContactPerson, u.ContactPhone, u.IsActive,
                db.Users.Count(a => a.HandlingUnitId == u.Id), u.Version))
            .ToPagedListAsync(page, Paging.DefaultPageSize, ct);
    }

    /// <summary>承办单位名录 – every unit of the actor's committee as an Excel sheet; the export is audited.</summary>
    public async Task ExportAsync(Stream output, CancellationToken ct = default)
    {
        var id = Actor.CommitteeToRead(null);
        using var book = new XLWorkbook();
        var sheet = book.AddWorksheet("承办单位");
        string[] headers = ["单位名称", "单位类型", "联系人", "联系电话", "状态", "用户数"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = headers[c];
        }

        sheet.Row(1).Style.Font.Bold = true;
        var row = 1;
        var units = db.HandlingUnits.AsNoTracking().Where(u => u.CommitteeId == id)
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.Kind).ThenBy(u => u.Name)
            .Select(u => new { u.Name, u.Kind, u.ContactPerson, u.ContactPhone, u.IsActive, Users = db.Users.Count(a => a.HandlingUnitId == u.Id) })
            .AsAsyncEnumerable();
        await foreach (var u in units.WithCancellation(ct))
        {
            row++;
            sheet.Cell(row, 1).Value = u.Name;
            sheet.Cell(row, 2).Value = u.Kind.DisplayName();
            sheet.Cell(row, 3).Value = u.ContactPerson;
            // Kept as text so a leading zero of an area code survives.
            sheet.Cell(row, 4).SetValue(u.ContactPhone);
            sheet.Cell(row, 5).Value = u.IsActive ? "在用" : "已停用";
            sheet.Cell(row, 6).Value = u.Users;
        }

        db.Audit("导出", nameof(HandlingUnit), id.ToString(), "成功", $"承办单位名录 {row - 1} 条");
        await db.SaveChangesAsync(ct);
        book.SaveAs(output);
    }

    public async Task<HandlingUnitRow> GetAsync(Guid id, CancellationToken ct = default)
    {
        var row = await db.HandlingUnits.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.CommitteeId, Row = new HandlingUnitRow(u.Id, u.Name, u.Kind, u.ContactPerson, u.ContactPhone, u.IsActive, db.Users.Count(a => a.HandlingUnitId == u.Id), u.Version) })
            .SingleOrDefaultAsync(ct) ?? throw new NotFoundException("承办单位");
        OrganizationPermissions.EnsureCanRead(Actor, row.CommitteeId);
        return row.Row;
    }

    public async Task<HandlingUnitInput> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        var unit = await db.HandlingUnits.AsNoTracking().FindOrThrowAsync(id, "承办单位", ct);
        OrganizationPermissions.EnsureCanManage(Actor, unit.CommitteeId);
        return new HandlingUnitInput
        {
            Name = unit.Name,
            Kind = unit.Kind,
            ContactPerson = unit.ContactPerson,
            ContactPhone = unit.ContactPhone,
            IsActive = unit.IsActive,
            Version = unit.Version,
        };
    }

    public async Task<Guid> CreateAsync(HandlingUnitInput input, CancellationToken ct = default)
    {
        var committeeId = Actor.CommitteeToManage();
        await ValidateAsync(committeeId, null, input, ct);
        var unit = new HandlingUnit { CommitteeId = committeeId };
        Apply(unit, input);
        db.HandlingUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        return unit.Id;
    }

    public async Task UpdateAsync(Guid id, HandlingUnitInput input, CancellationToken ct = default)
    {
        var unit = await db.HandlingUnits.FindOrThrowAsync(id, "承办单位", ct);
        OrganizationPermissions.EnsureCanManage(Actor, unit.CommitteeId);
        db.ExpectVersion(unit, input.Version);
        await ValidateAsync(unit.CommitteeId, id, input, ct);
        Apply(unit, input);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Guid id, int version, CancellationToken ct = default)
    {
        var unit = await db.HandlingUnits.FindOrThrowAsync(id, "承办单位", ct);
        OrganizationPermissions.EnsureCanManage(Actor, unit.CommitteeId);
        db.ExpectVersion(unit, version);
        var users = await db.Users.CountAsync(u => u.HandlingUnitId == id, ct);
        if (users > 0)
        {
            throw new ConflictException($"“{unit.Name}”已有 {users} 个用户账号，不能删除。如不再承办，请将其停用。");
        }

        db.HandlingUnits.Remove(unit);
        await db.SaveChangesAsync(ct);
    }

    private async Task ValidateAsync(Guid committeeId, Guid? self, HandlingUnitInput input, CancellationToken ct)
    {
        var name = OrganizationAdminSupport.Clean(input.Name);
        var v = new Validation()
            .Name(input.Name, "name", "单位名称", 100)
            .Require(Enum.IsDefined(input.Kind), "kind", "请选择单位类型。")
            .MaxLength(OrganizationAdminSupport.Clean(input.ContactPerson), 50, "contactPerson", "联系人")
            .MaxLength(OrganizationAdminSupport.Clean(input.ContactPhone), 30, "contactPhone", "联系电话");
        if (v.IsValid)
        {
            var taken = await db.HandlingUnits.AnyAsync(u => u.CommitteeId == committeeId && u.Name == name && u.Id != self, ct);
            v.Require(!taken, "name", $"承办单位“{name}”已存在。");
        }

        v.ThrowIfInvalid();
    }

    private static void Apply(HandlingUnit unit, HandlingUnitInput input)
    {
        unit.Name = OrganizationAdminSupport.Clean(input.Name);
        unit.Kind = input.Kind;
        unit.ContactPerson = OrganizationAdminSupport.Clean(input.ContactPerson);
        unit.ContactPhone = OrganizationAdminSupport.Clean(input.ContactPhone);
        unit.IsActive = input.IsActive;
    }
}
