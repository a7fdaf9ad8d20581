namespace Tongxin.Platform.Accounts;

/// <summary>The roles of DOMAIN.md §1. The three admin roles are separated (三权分立).</summary>
public static class Roles
{
    /// <summary>委员</summary>
    public const string Member = "member";
    /// <summary>机关工作人员 – what they may do is further limited by module permissions.</summary>
    public const string Staff = "staff";
    /// <summary>承办单位用户</summary>
    public const string Unit = "unit";
    /// <summary>领导</summary>
    public const string Leader = "leader";
    /// <summary>系统管理员 – accounts and operation; cannot read the audit log.</summary>
    public const string SysAdmin = "sysadmin";
    /// <summary>安全管理员 – roles, permissions and security policy; no business data.</summary>
    public const string SecAdmin = "secadmin";
    /// <summary>审计管理员 – reads and exports the audit log, nothing else.</summary>
    public const string AuditAdmin = "auditadmin";

    public static readonly string[] All = [Member, Staff, Unit, Leader, SysAdmin, SecAdmin, AuditAdmin];
    public static readonly string[] Admins = [SysAdmin, SecAdmin, AuditAdmin];

    public static string DisplayName(string role) => role switch
    {
        Member => "委员",
        Staff => "机关工作人员",
        Unit => "承办单位",
        Leader => "领导",
        SysAdmin => "系统管理员",
        SecAdmin => "安全管理员",
        AuditAdmin => "审计管理员",
        _ => role,
    };
}

/// <summary>Staff permissions, one per module.</summary>
public static class Permissions
{
    public const string Organization = "organization";
    public const string Proposals = "proposals";
    public const string Opinions = "opinions";
    /// <summary>社情民意审签/签发 – on top of <see cref="Opinions"/>.</summary>
    public const string OpinionsSignOff = "opinions-signoff";
    public const string Consultations = "consultations";
    public const string Supervision = "supervision";
    public const string Performance = "performance";
    public const string Evaluation = "evaluation";
    public const string Public = "public";

    public static readonly string[] All =
        [Organization, Proposals, Opinions, OpinionsSignOff, Consultations, Supervision, Performance, Evaluation, Public];

    public static string DisplayName(string permission) => permission switch
    {
        Organization => "组织与名册",
        Proposals => "提案",
        Opinions => "社情民意",
        OpinionsSignOff => "社情民意签发",
        Consultations => "协商议政",
        Supervision => "民主监督",
        Performance => "委员履职",
        Evaluation => "评估",
        Public => "公众渠道",
        _ => permission,
    };
}
