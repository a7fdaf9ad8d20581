using Microsoft.AspNetCore.Identity;

namespace Tongxin.Platform.Accounts;

/// <summary>A login account. Every account acts inside one committee; a member's account
/// points at the roster entry, a handling-unit user's at the unit.</summary>
public class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public Guid CommitteeId { get; set; }

    public string DisplayName { get; set; } = "";

    public Guid? MemberId { get; set; }

    public Guid? HandlingUnitId { get; set; }

    /// <summary>When the password was last set; drives the expiry prompt.</summary>
    public DateTime PasswordChangedAt { get; set; }

    /// <summary>Comma-separated module permissions (see <see cref="Permissions"/>), for staff.</summary>
    public string ModulePermissions { get; set; } = "";

    public bool IsDisabled { get; set; }

    public IEnumerable<string> PermissionList =>
        ModulePermissions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public class AppRole : IdentityRole<Guid>
{
    public AppRole() => Id = Guid.CreateVersion7();

    public AppRole(string name) : this() => Name = name;
}

/// <summary>One previous password hash; the last five may not be reused.</summary>
public class PasswordHistoryEntry
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public string PasswordHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
