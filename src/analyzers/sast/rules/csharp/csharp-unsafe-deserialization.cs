using System.IO;
using System.Runtime.Serialization.Formatters.Binary;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Newtonsoft.Json;

public class StateController : ControllerBase
{
    [HttpPost("restore")]
    public IActionResult Restore()
    {
        var formatter = new BinaryFormatter();
        // ruleid: csharp-unsafe-deserialization
        var state = formatter.Deserialize(Request.Body);
        return Ok();
    }

    [HttpPost("cookie")]
    public IActionResult FromCookie()
    {
        var bytes = Convert.FromBase64String(Request.Cookies["state"]);
        // ruleid: csharp-unsafe-deserialization
        var state = new BinaryFormatter().Deserialize(new MemoryStream(bytes));
        return Ok();
    }

    [HttpPost("json")]
    public IActionResult Json([FromBody] string payload)
    {
        // ruleid: csharp-unsafe-deserialization
        var obj = JsonConvert.DeserializeObject(payload, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All });
        // ok: csharp-unsafe-deserialization
        var dto = JsonConvert.DeserializeObject<OrderDto>(payload);
        // ok: csharp-unsafe-deserialization
        var dto2 = System.Text.Json.JsonSerializer.Deserialize<OrderDto>(payload);
        return Ok();
    }

    [HttpGet("cache")]
    public IActionResult Cache()
    {
        var formatter = new BinaryFormatter();
        // ok: csharp-unsafe-deserialization
        var cached = formatter.Deserialize(System.IO.File.OpenRead("/var/cache/app.bin"));
        return Ok();
    }
}
