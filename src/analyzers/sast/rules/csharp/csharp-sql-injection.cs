using System.Data.SqlClient;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

public class UsersController : Controller
{
    private readonly SqlConnection _conn;
    private readonly AppDbContext _db;

    public IActionResult Show()
    {
        string id = Request.Query["id"];
        // ruleid: csharp-sql-injection
        var cmd = new SqlCommand("SELECT * FROM Users WHERE Id = " + id, _conn);
        return Ok(cmd.ExecuteScalar());
    }

    public IActionResult Search([FromQuery] string name)
    {
        // ruleid: csharp-sql-injection
        var users = _db.Users.FromSqlRaw($"SELECT * FROM Users WHERE Name = '{name}'").ToList();
        // ok: csharp-sql-injection
        var safe = _db.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name}").ToList();
        return Ok(users);
    }

    [HttpGet("users/sorted")]
    public IActionResult Sorted(string sort)
    {
        var sql = string.Format("SELECT * FROM Users ORDER BY {0}", sort);
        // ruleid: csharp-sql-injection
        return Ok(_conn.Query<User>(sql));
    }

    public IActionResult ByCookie()
    {
        var cmd = _conn.CreateCommand();
        // ruleid: csharp-sql-injection
        cmd.CommandText = "SELECT * FROM Sessions WHERE Token = '" + Request.Cookies["sid"] + "'";
        return Ok();
    }

    public IActionResult Delete([FromRoute] string id)
    {
        DeleteWhere("Id = " + id);
        return Ok();
    }

    public IActionResult Filters([FromBody] FilterModel model)
    {
        var parts = new List<string>();
        parts.Add("Owner = '" + model.Owner + "'");
        // ruleid: csharp-sql-injection
        return Ok(_conn.Query<Item>("SELECT * FROM Items WHERE " + string.Join(" AND ", parts)));
    }

    public IActionResult Builder([FromQuery] string owner)
    {
        var sb = new StringBuilder("SELECT * FROM Items WHERE Owner = '");
        sb.Append(owner).Append("'");
        // ruleid: csharp-sql-injection
        return Ok(_conn.ExecuteScalar(sb.ToString()));
    }

    // A plain string parameter of a conventional-routing action is request data too.
    public IActionResult Legacy(string name)
    {
        // todoruleid: csharp-sql-injection
        return Ok(_conn.Query<User>("SELECT * FROM Users WHERE Name = '" + name + "'"));
    }

    [HttpPost]
    public IActionResult Rename(string name)
    {
        // ruleid: csharp-sql-injection
        return Ok(_conn.Execute("UPDATE Users SET Name = '" + name + "'"));
    }

    public IActionResult Safe([FromQuery] string name, [FromQuery] string id)
    {
        // ok: csharp-sql-injection
        var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = @name", _conn);
        cmd.Parameters.AddWithValue("@name", name);
        // ok: csharp-sql-injection
        var rows = _conn.Query<User>("SELECT * FROM Users WHERE Id = @Id", new { Id = id });
        int n = int.Parse(id);
        // ok: csharp-sql-injection
        var one = _conn.Query<User>("SELECT * FROM Users WHERE Id = " + n);
        return Ok(rows);
    }

    private void DeleteWhere(string where)
    {
        // ruleid: csharp-sql-injection
        _conn.Execute("DELETE FROM Users WHERE " + where);
    }
}
