using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;

public class ToolsController : ControllerBase
{
    [HttpGet("ping")]
    public IActionResult Ping([FromQuery] string host)
    {
        // ruleid: csharp-command-injection
        var p = Process.Start("cmd.exe", "/c ping " + host);
        return Ok();
    }

    public IActionResult Run()
    {
        var psi = new ProcessStartInfo();
        psi.FileName = Request.Query["tool"];
        psi.UseShellExecute = false;
        // ruleid: csharp-command-injection
        Process.Start(psi);
        return Ok();
    }

    public IActionResult Convert([FromForm] string file)
    {
        var args = $"-resize 50% {file} out.png";
        var psi = new ProcessStartInfo("convert", args);
        // ruleid: csharp-command-injection
        Process.Start(psi);
        return Ok();
    }

    public IActionResult Archive([FromQuery] string dir)
    {
        RunTar(dir);
        return Ok();
    }

    public IActionResult Safe([FromQuery] string host)
    {
        var psi = new ProcessStartInfo("ping") { UseShellExecute = false };
        psi.ArgumentList.Add(host);
        // todook: csharp-command-injection
        Process.Start(psi);
        // ok: csharp-command-injection
        Process.Start("uptime");
        int n = int.Parse(Request.Query["n"]);
        // ok: csharp-command-injection
        Process.Start("seq", n.ToString());
        return Ok();
    }

    private static void RunTar(string dir)
    {
        var psi = new ProcessStartInfo("tar");
        psi.Arguments = "czf /tmp/out.tgz " + dir;
        // ruleid: csharp-command-injection
        Process.Start(psi);
    }
}
