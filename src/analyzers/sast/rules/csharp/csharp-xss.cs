using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;

public class GreetController : Controller
{
    [HttpGet("hello")]
    public async Task Hello([FromQuery] string name)
    {
        // ruleid: csharp-xss
        await Response.WriteAsync("<h1>Hello " + name + "</h1>");
    }

    public IActionResult Page()
    {
        string msg = Request.Query["msg"];
        // ruleid: csharp-xss
        return Content($"<p>{msg}</p>", "text/html");
    }

    public IActionResult Bio([FromForm] string bio)
    {
        // ruleid: csharp-xss
        ViewBag.Bio = new HtmlString(Wrap(bio));
        return View();
    }

    public IActionResult Safe([FromQuery] string name)
    {
        // ok: csharp-xss
        ViewBag.Name = new HtmlString(HtmlEncoder.Default.Encode(name));
        var encoded = WebUtility.HtmlEncode(name);
        // ok: csharp-xss
        return Content("<h1>Hello " + encoded + "</h1>", "text/html");
    }

    public IActionResult Plain([FromQuery] string name)
    {
        // ok: csharp-xss
        return Content("Hello " + name, "text/plain");
    }

    private static string Wrap(string s) => "<div>" + s + "</div>";
}
