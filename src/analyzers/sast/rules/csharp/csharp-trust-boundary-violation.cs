using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

public class PrefsController : Controller
{
    [HttpPost("role")]
    public IActionResult SetRole([FromForm] string role)
    {
        // ruleid: csharp-trust-boundary-violation
        HttpContext.Session.SetString("role", role);
        return Ok();
    }

    public IActionResult Theme()
    {
        string theme = Request.Query["theme"];
        // ruleid: csharp-trust-boundary-violation
        HttpContext.Session.SetString("theme", "theme-" + theme);
        return Ok();
    }

    [HttpPost("safe")]
    public IActionResult Safe([FromForm] string page)
    {
        // ok: csharp-trust-boundary-violation
        HttpContext.Session.SetInt32("page", int.Parse(page));
        // ok: csharp-trust-boundary-violation
        HttpContext.Session.SetString("visited", "true");
        var cache = new Dictionary<string, string>();
        // ok: csharp-trust-boundary-violation
        cache["role"] = page;
        return Ok();
    }

    [HttpPost("prefs")]
    public IActionResult Prefs([FromForm] string lang)
    {
        var prefs = new Dictionary<string, string> { ["lang"] = lang };
        // ruleid: csharp-trust-boundary-violation
        HttpContext.Session.SetString("prefs", string.Join(",", prefs.Values));
        Remember("lang", lang);
        return Ok();
    }

    private void Remember(string key, string value)
    {
        // ruleid: csharp-trust-boundary-violation
        HttpContext.Session.SetString(key, value);
    }
}
