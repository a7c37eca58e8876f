using MongoDB.Bson;
using MongoDB.Driver;
using Microsoft.AspNetCore.Mvc;

public class ProductsController : ControllerBase
{
    private readonly IMongoCollection<BsonDocument> _products;

    [HttpGet("search")]
    public IActionResult Search([FromQuery] string filter)
    {
        // ruleid: csharp-nosql-injection
        var doc = BsonDocument.Parse(filter);
        return Ok(_products.Find(doc).ToList());
    }

    [HttpGet("by-name")]
    public IActionResult ByName([FromQuery] string name)
    {
        // ruleid: csharp-nosql-injection
        return Ok(_products.Find("{ name: '" + name + "' }").ToList());
    }

    [HttpGet("where")]
    public IActionResult Where([FromQuery] string cond)
    {
        // ruleid: csharp-nosql-injection
        var q = new BsonDocument("$where", "this.price < " + cond);
        return Ok();
    }

    [HttpGet("safe")]
    public IActionResult Safe([FromQuery] string name)
    {
        var filter = Builders<BsonDocument>.Filter.Eq("name", name);
        // ok: csharp-nosql-injection
        return Ok(_products.Find(filter).ToList());
    }
}
