using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongxin.Pages.Error;

/// <summary>Chinese error pages without stack traces; reached by status-code re-execution and the exception handler.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class IndexModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var status = code ?? 500;
        (Title, Message) = status switch
        {
            403 => ("没有权限", "您没有权限访问此页面或执行此操作。如需开通，请联系本单位管理员。"),
            404 => ("页面不存在", "您要找的页面或记录不存在，或者已被删除。"),
            400 => ("请求有误", "提交的内容格式不正确，请返回上一页检查后重试。"),
            405 => ("操作方式不支持", "该页面不支持这种操作方式，请从页面上的按钮或链接进入。"),
            413 => ("文件过大", "上传的文件超过了允许的大小。"),
            < 500 => ("无法完成请求", "请求无法完成，请返回上一页重试。"),
            _ => ("系统出错了", "服务器处理请求时出错，已记录在案。请稍后重试；如果问题持续，请联系系统管理员。"),
        };
        if (HttpContext.Response.StatusCode == 200 && code is not null)
        {
            HttpContext.Response.StatusCode = status;
        }
    }
}
