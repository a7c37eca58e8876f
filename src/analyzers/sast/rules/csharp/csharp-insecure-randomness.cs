using System;
using System.Security.Cryptography;

public class TokenService
{
    private static readonly Random _random = new Random();

    public string Create()
    {
        // ruleid: csharp-insecure-randomness
        var resetToken = _random.Next(100000, 999999).ToString();
        var bytes = new byte[32];
        // ruleid: csharp-insecure-randomness
        var apiKey = Random.Shared.Next();
        // ok: csharp-insecure-randomness
        RandomNumberGenerator.Fill(bytes);
        // ok: csharp-insecure-randomness
        var otp = RandomNumberGenerator.GetInt32(1000000);
        // ok: csharp-insecure-randomness
        var dice = _random.Next(1, 7);
        return resetToken + apiKey + otp + dice;
    }
}
