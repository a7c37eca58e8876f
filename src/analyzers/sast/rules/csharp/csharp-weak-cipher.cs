using System.Security.Cryptography;

public static class Crypto
{
    public static ICryptoTransform Legacy(byte[] key)
    {
        // ruleid: csharp-weak-cipher
        var des = DES.Create();
        // ruleid: csharp-weak-cipher
        var tdes = new TripleDESCryptoServiceProvider();
        var aes = Aes.Create();
        // ruleid: csharp-weak-cipher
        aes.Mode = CipherMode.ECB;
        return aes.CreateEncryptor(key, null);
    }

    public static AesGcm Modern(byte[] key)
    {
        var aes = Aes.Create();
        // ok: csharp-weak-cipher
        aes.Mode = CipherMode.CBC;
        // ok: csharp-weak-cipher
        return new AesGcm(key, 16);
    }
}
