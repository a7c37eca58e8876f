using Microsoft.AspNetCore.Mvc;

public class AccountController : Controller
{
    [HttpGet("login")]
    public IActionResult Login([FromQuery] string returnUrl)
    {
        // ruleid: csharp-open-redirect
        return Redirect(returnUrl);
    }

    public IActionResult Back()
    {
        string target = Request.Query["next"];
        // ruleid: csharp-open-redirect
        Response.Redirect(target);
        return new EmptyResult();
    }

    [HttpGet("go")]
    public IActionResult Go([FromQuery] string host)
    {
        // ruleid: csharp-open-redirect
        return new RedirectResult("https://" + host + "/welcome");
    }

    [HttpGet("safe")]
    public IActionResult Safe([FromQuery] string returnUrl)
    {
        if (Url.IsLocalUrl(returnUrl))
        {
            // ok: csharp-open-redirect
            return Redirect(returnUrl);
        }
        // ok: csharp-open-redirect
        return LocalRedirect(returnUrl);
    }

    public IActionResult Fixed()
    {
        // ok: csharp-open-redirect
        return Redirect("/home");
    }

    [HttpGet("targets")]
    public IActionResult Targets([FromQuery] string a, [FromQuery] string b)
    {
        var targets = new List<string> { a, b };
        // ruleid: csharp-open-redirect
        return Redirect(targets[0]);
    }

    [HttpGet("helper")]
    public IActionResult Helper([FromQuery] string next)
    {
        return GoTo(next);
    }

    private IActionResult GoTo(string url)
    {
        // ruleid: csharp-open-redirect
        return Redirect(url);
    }
}
