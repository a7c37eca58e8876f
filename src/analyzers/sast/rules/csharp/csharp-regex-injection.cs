using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

public class SearchController : ControllerBase
{
    [HttpGet("search")]
    public IActionResult Search([FromQuery] string q, [FromQuery] string text)
    {
        // ruleid: csharp-regex-injection
        var re = new Regex("^" + q);
        // ruleid: csharp-regex-injection
        var hit = Regex.IsMatch(text, q);
        return Ok(re.IsMatch(text) || hit);
    }

    [HttpGet("safe")]
    public IActionResult Safe([FromQuery] string q, [FromQuery] string text)
    {
        // ok: csharp-regex-injection
        var re = new Regex("^" + Regex.Escape(q));
        // ok: csharp-regex-injection
        var ok = Regex.IsMatch(q, "^[a-z]+$");
        return Ok(re.IsMatch(text) && ok);
    }

    [HttpGet("words")]
    public IActionResult Words([FromQuery] string[] words, [FromQuery] string text)
    {
        var alternation = "(" + string.Join("|", words) + ")";
        // ruleid: csharp-regex-injection
        return Ok(Regex.Matches(text, alternation).Count + Count(text, Request.Query["filter"]));
    }

    private static int Count(string text, string pattern)
    {
        // ruleid: csharp-regex-injection
        return Regex.Matches(text, pattern).Count;
    }
}
