using System.DirectoryServices;
using Microsoft.AspNetCore.Mvc;

public class DirectoryController : ControllerBase
{
    [HttpGet("user")]
    public IActionResult Find([FromQuery] string user)
    {
        var searcher = new DirectorySearcher(new DirectoryEntry("LDAP://dc=example,dc=com"));
        // ruleid: csharp-ldap-injection
        searcher.Filter = "(&(objectClass=user)(sAMAccountName=" + user + "))";
        return Ok(searcher.FindOne());
    }

    public IActionResult Group()
    {
        string group = Request.Query["group"];
        // ruleid: csharp-ldap-injection
        var searcher = new DirectorySearcher($"(memberOf=cn={group},ou=groups,dc=example,dc=com)");
        return Ok(searcher.FindAll());
    }

    [HttpGet("safe")]
    public IActionResult Safe([FromQuery] string user)
    {
        var searcher = new DirectorySearcher();
        // ok: csharp-ldap-injection
        searcher.Filter = "(sAMAccountName=" + Encoder.LdapFilterEncode(user) + ")";
        // ok: csharp-ldap-injection
        searcher.Filter = "(objectClass=user)";
        return Ok();
    }

    [HttpGet("mail")]
    public IActionResult Mail([FromQuery] string mail)
    {
        var parts = new List<string> { "(objectClass=user)" };
        parts.Add("(mail=" + mail + ")");
        // ruleid: csharp-ldap-injection
        var searcher = new DirectorySearcher("(&" + string.Join("", parts) + ")");
        return Ok(FindGroup(mail));
    }

    private static SearchResult FindGroup(string group)
    {
        var searcher = new DirectorySearcher();
        // ruleid: csharp-ldap-injection
        searcher.Filter = "(cn=" + group + ")";
        return searcher.FindOne();
    }
}
