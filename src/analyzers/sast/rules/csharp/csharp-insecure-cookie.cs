using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

public class CookieController : Controller
{
    public IActionResult Set(string token)
    {
        // ruleid: csharp-insecure-cookie
        Response.Cookies.Append("session", token);
        var options = new CookieOptions();
        // ruleid: csharp-insecure-cookie
        options.Secure = false;
        // ruleid: csharp-insecure-cookie
        options.HttpOnly = false;
        Response.Cookies.Append("pref", "dark", options);
        // todoruleid: csharp-insecure-cookie
        Response.Cookies.Append("sid", token, new CookieOptions { HttpOnly = true });
        // ok: csharp-insecure-cookie
        Response.Cookies.Append("sid", token, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return Ok();
    }
}
