using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QRCoder;
using Tongxin.Platform.Accounts;
using Tongxin.Platform.Web;

namespace Tongxin.Pages.Account;

/// <summary>双因素认证 – set up an authenticator app (key and QR code), confirm it with one code,
/// and receive recovery codes. Admin accounts must have it and cannot switch it off.</summary>
public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<IdentityOptions> identity)
    : SignedInPageModel
{
    public const string Issuer = "同心";

    [BindProperty]
    [Display(Name = "动态口令")]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }

    public bool IsAdmin { get; private set; }

    /// <summary>The key in groups of four, for typing into an app.</summary>
    public string? SharedKey { get; private set; }

    public string? QrCodeDataUri { get; private set; }

    /// <summary>Shown once, right after they are generated.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        return user is null ? Challenge() : await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "请输入身份验证器显示的6位动态口令。");
            return await ShowAsync(user);
        }

        if (!await users.VerifyTwoFactorTokenAsync(user, identity.Value.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "动态口令不正确，请确认手机时间准确后重试。");
            return await ShowAsync(user);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        // The claims (two-factor on) and the renewed security stamp go into a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "双因素认证已启用。";
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "双因素认证已关闭。";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(AppUser user)
    {
        Enabled = user.TwoFactorEnabled;
        IsAdmin = AccountPolicy.RequiresTwoFactor(await users.GetRolesAsync(user));
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return Page();
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = string.Join(" ", key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        return Page();
    }
}
