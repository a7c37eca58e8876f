using System.Net.Http;
using Microsoft.AspNetCore.Mvc;

public class ProxyController : ControllerBase
{
    private readonly HttpClient _http;

    [HttpGet("fetch")]
    public async Task<IActionResult> Fetch([FromQuery] string url)
    {
        // ruleid: csharp-ssrf
        var body = await _http.GetStringAsync(url);
        return Ok(body);
    }

    public async Task<IActionResult> Backend()
    {
        string host = Request.Headers["X-Backend"];
        var target = $"http://{host}/status";
        // ruleid: csharp-ssrf
        var req = new HttpRequestMessage(HttpMethod.Get, target);
        return Ok(await _http.SendAsync(req));
    }

    [HttpPost("hook")]
    public async Task<IActionResult> Hook([FromBody] HookModel hook)
    {
        await Notify(hook.Callback);
        return Ok();
    }

    public async Task<IActionResult> Safe([FromQuery] string id)
    {
        // ok: csharp-ssrf
        var a = await _http.GetStringAsync("https://api.example.com/users/" + Uri.EscapeDataString(id));
        // ok: csharp-ssrf
        var b = await _http.GetStringAsync("https://api.example.com/users/" + id);
        // ok: csharp-ssrf
        var c = await _http.GetStringAsync("https://api.example.com/health");
        return Ok(a + b + c);
    }

    private async Task Notify(string callback)
    {
        // ruleid: csharp-ssrf
        await _http.PostAsync(callback, null);
    }
}
