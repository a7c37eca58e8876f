package com.example.demo;

import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

public class Crypto {

    public byte[] legacy(SecretKey key, byte[] data) throws Exception {
        // ruleid: java-weak-cipher
        Cipher c = Cipher.getInstance("DES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(data);
    }

    public byte[] ecb(SecretKey key, byte[] data) throws Exception {
        // ruleid: java-weak-cipher
        Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(data);
    }

    public byte[] defaultMode(SecretKey key, byte[] data) throws Exception {
        // ruleid: java-weak-cipher
        Cipher c = Cipher.getInstance("AES");
        c.init(Cipher.ENCRYPT_MODE, key);
        return c.doFinal(data);
    }

    public SecretKey tripleDesKey() throws Exception {
        // ruleid: java-weak-cipher
        return KeyGenerator.getInstance("DESede").generateKey();
    }

    public byte[] modern(SecretKey key, byte[] data) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        // ok: java-weak-cipher
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return c.doFinal(data);
    }

    public SecretKey aesKey() throws Exception {
        // ok: java-weak-cipher
        return KeyGenerator.getInstance("AES").generateKey();
    }
}
