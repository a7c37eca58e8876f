using Microsoft.AspNetCore.Mvc;
using RazorLight;
using Scriban;

public class PreviewController : ControllerBase
{
    private readonly RazorLightEngine _engine;

    [HttpPost("preview")]
    public async Task<IActionResult> Preview([FromBody] PreviewModel model)
    {
        // ruleid: csharp-template-injection
        var html = await _engine.CompileRenderStringAsync("preview", model.Template, model);
        return Content(html);
    }

    public IActionResult Mail()
    {
        string body = Request.Form["body"];
        // ruleid: csharp-template-injection
        var tpl = Template.Parse("Hello " + body);
        return Ok(tpl.Render());
    }

    [HttpGet("safe")]
    public async Task<IActionResult> Safe([FromQuery] string name)
    {
        // ok: csharp-template-injection
        var tpl = Template.Parse("Hello {{ name }}");
        // ok: csharp-template-injection
        var html = await _engine.CompileRenderAsync("Views/Hello.cshtml", new { Name = name });
        return Ok(tpl.Render(new { name }));
    }

    [HttpPost("sections")]
    public IActionResult Sections([FromForm] string footer)
    {
        var parts = new Dictionary<string, string> { ["header"] = "<h1>{{ title }}</h1>" };
        parts["footer"] = footer;
        // ruleid: csharp-template-injection
        var tpl = Template.Parse(parts["header"] + parts["footer"]);
        return Ok(Render(footer));
    }

    private static string Render(string source)
    {
        // ruleid: csharp-template-injection
        return Template.ParseLiquid(source).Render();
    }
}
