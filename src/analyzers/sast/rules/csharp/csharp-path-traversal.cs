using System.IO;
using Microsoft.AspNetCore.Mvc;

public class FilesController : ControllerBase
{
    private const string Base = "/srv/uploads";

    [HttpGet("files/{name}")]
    public IActionResult Get([FromRoute] string name)
    {
        var path = Path.Combine(Base, name);
        // ruleid: csharp-path-traversal
        return Ok(System.IO.File.ReadAllText(path));
    }

    public IActionResult Download()
    {
        string file = Request.Query["file"];
        // ruleid: csharp-path-traversal
        return PhysicalFile("/srv/docs/" + file, "application/pdf");
    }

    [HttpDelete("files")]
    public IActionResult Delete([FromQuery] string name)
    {
        Remove($"{Base}/{name}");
        return Ok();
    }

    [HttpPost("upload")]
    public IActionResult Upload(IFormFile upload)
    {
        // ruleid: csharp-path-traversal
        using var stream = new FileStream(Path.Combine(Base, Request.Form["folder"], "data.bin"), FileMode.Create);
        return Ok();
    }

    public IActionResult Safe([FromQuery] string name)
    {
        var safeName = Path.GetFileName(name);
        // ok: csharp-path-traversal
        var text = System.IO.File.ReadAllText(Path.Combine(Base, safeName));
        // ok: csharp-path-traversal
        var config = System.IO.File.ReadAllText(Path.Combine(Base, "config.json"));
        return Ok(text);
    }

    public IActionResult Checked([FromQuery] string name)
    {
        var full = Path.GetFullPath(Path.Combine(Base, name));
        if (!full.StartsWith(Base + Path.DirectorySeparatorChar))
        {
            return BadRequest();
        }
        // ok: csharp-path-traversal
        return Ok(System.IO.File.ReadAllText(full));
    }

    private static void Remove(string path)
    {
        // ruleid: csharp-path-traversal
        System.IO.File.Delete(path);
    }
}
