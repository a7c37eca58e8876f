using System.Security.Cryptography;
using System.Text;

public static class Hashing
{
    public static byte[] PasswordHash(string password)
    {
        // ruleid: csharp-weak-hash
        using var md5 = MD5.Create();
        return md5.ComputeHash(Encoding.UTF8.GetBytes(password));
    }

    public static byte[] Fingerprint(byte[] data)
    {
        // ruleid: csharp-weak-hash
        return SHA1.HashData(data);
    }

    public static byte[] Sign(byte[] key, byte[] data)
    {
        // ruleid: csharp-weak-hash
        using var hmac = new HMACSHA1(key);
        return hmac.ComputeHash(data);
    }

    public static byte[] Strong(byte[] key, byte[] data)
    {
        // ok: csharp-weak-hash
        using var hmac = new HMACSHA256(key);
        // ok: csharp-weak-hash
        var digest = SHA256.HashData(data);
        return hmac.ComputeHash(digest);
    }
}
