using System.Data.SqlClient;
using System.Net;
using System.Text;
using Microsoft.IdentityModel.Tokens;

public class Settings
{
    // ruleid: csharp-hardcoded-credentials
    private const string ApiKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";

    public SqlConnection Open()
    {
        // ruleid: csharp-hardcoded-credentials
        return new SqlConnection("Server=db;Database=app;User Id=app;Password=hunter2;");
    }

    public NetworkCredential Smtp()
    {
        // ruleid: csharp-hardcoded-credentials
        return new NetworkCredential("mailer", "s3cr3t-Passw0rd");
    }

    public SymmetricSecurityKey Jwt()
    {
        // ruleid: csharp-hardcoded-credentials
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes("my-signing-key-that-is-long-enough"));
    }

    public SqlConnection FromConfig(IConfiguration config)
    {
        // ok: csharp-hardcoded-credentials
        var password = config["Db:Password"];
        // ok: csharp-hardcoded-credentials
        var cs = "Server=db;Database=app;Integrated Security=true;";
        // ok: csharp-hardcoded-credentials
        return new SqlConnection(config.GetConnectionString("Default"));
    }
}
