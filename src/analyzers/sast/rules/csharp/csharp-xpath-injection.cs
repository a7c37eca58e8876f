using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using Microsoft.AspNetCore.Mvc;

public class CatalogController : ControllerBase
{
    private readonly XmlDocument _doc;
    private readonly XDocument _xdoc;

    [HttpPost("login")]
    public IActionResult Login([FromForm] string user, [FromForm] string pass)
    {
        // ruleid: csharp-xpath-injection
        var node = _doc.SelectSingleNode("//user[name='" + user + "' and password='" + pass + "']");
        return Ok(node != null);
    }

    public IActionResult Item()
    {
        string id = Request.Query["id"];
        // ruleid: csharp-xpath-injection
        return Ok(_xdoc.XPathSelectElements($"//item[@id='{id}']"));
    }

    [HttpGet("safe")]
    public IActionResult Safe([FromQuery] string id)
    {
        // ok: csharp-xpath-injection
        var nodes = _doc.SelectNodes("//item[@active='true']");
        // ok: csharp-xpath-injection
        var one = _doc.SelectSingleNode("//item[@id='" + int.Parse(id) + "']");
        return Ok(nodes.Count);
    }

    [HttpGet("orders")]
    public IActionResult Orders([FromQuery] string owner)
    {
        var conds = new List<string>();
        conds.Add("@owner='" + owner + "'");
        // ruleid: csharp-xpath-injection
        var nodes = _doc.SelectNodes("//order[" + string.Join(" and ", conds) + "]");
        return Ok(ByTag(owner));
    }

    private XmlNodeList ByTag(string tag)
    {
        // ruleid: csharp-xpath-injection
        return _doc.SelectNodes("//" + tag);
    }
}
