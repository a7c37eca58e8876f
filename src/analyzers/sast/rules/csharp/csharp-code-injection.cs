using System;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.CodeAnalysis.CSharp.Scripting;

public class CalcController : ControllerBase
{
    [HttpGet("calc")]
    public async Task<IActionResult> Calc([FromQuery] string expr)
    {
        // ruleid: csharp-code-injection
        var result = await CSharpScript.EvaluateAsync<int>("1 + " + expr);
        // ruleid: csharp-code-injection
        var state = await CSharpScript.RunAsync("var x = " + expr + ";");
        return Ok(result);
    }

    [HttpPost("plugin")]
    public IActionResult Plugin([FromBody] PluginRequest req)
    {
        // ruleid: csharp-code-injection
        var type = Type.GetType("App.Plugins." + req.Name);
        var plugin = Activator.CreateInstance(type);
        return Ok();
    }

    public IActionResult Invoke()
    {
        string name = Request.Query["method"];
        // ruleid: csharp-code-injection
        var m = typeof(ReportService).GetMethod(name);
        return Ok(m.Invoke(null, null));
    }

    public IActionResult Safe([FromQuery] string kind)
    {
        var types = new Dictionary<string, Type> { ["pdf"] = typeof(PdfReport), ["csv"] = typeof(CsvReport) };
        // ok: csharp-code-injection
        var type = Type.GetType("App.Reports.Default");
        // ok: csharp-code-injection
        var m = typeof(ReportService).GetMethod("Render");
        return Ok(types.ContainsKey(kind));
    }
}
