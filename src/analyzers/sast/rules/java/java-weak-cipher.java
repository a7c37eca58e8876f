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

// Benchmark-shaped servlet cases.
class CipherBenchCases extends javax.servlet.http.HttpServlet {

    public void desQualified(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("data");
        byte[] iv = java.security.SecureRandom.getInstance("SHA1PRNG").generateSeed(8);
        // ruleid: java-weak-cipher
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("DES/CBC/PKCS5Padding");
        // ruleid: java-weak-cipher
        javax.crypto.SecretKey key = javax.crypto.KeyGenerator.getInstance("DES").generateKey();
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.IvParameterSpec(iv));
        c.doFinal(param.getBytes("UTF-8"));
    }

    public void tripleDesWithProvider(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ruleid: java-weak-cipher
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("DESede/ECB/PKCS5Padding", java.security.Security.getProvider("SunJCE"));
        // ruleid: java-weak-cipher
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, javax.crypto.KeyGenerator.getInstance("DESede").generateKey());
    }

    public void propertyDefaultWeak(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        java.util.Properties props = new java.util.Properties();
        props.load(this.getClass().getClassLoader().getResourceAsStream("app.properties"));
        // ruleid: java-weak-cipher
        String algorithm = props.getProperty("cryptoAlg1", "DESede/ECB/PKCS5Padding");
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(algorithm);
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, javax.crypto.KeyGenerator.getInstance("AES").generateKey());
    }

    public void propertyDefaultStrong(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        java.util.Properties props = new java.util.Properties();
        props.load(this.getClass().getClassLoader().getResourceAsStream("app.properties"));
        // ok: java-weak-cipher
        String algorithm = props.getProperty("cryptoAlg2", "AES/GCM/NoPadding");
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(algorithm);
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, javax.crypto.KeyGenerator.getInstance("AES").generateKey());
    }

    public void aesGcmQualified(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ok: java-weak-cipher
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, javax.crypto.KeyGenerator.getInstance("AES").generateKey());
    }

    public void aesCcm(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ok: java-weak-cipher
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/CCM/NoPadding", java.security.Security.getProvider("BC"));
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, javax.crypto.KeyGenerator.getInstance("AES").generateKey());
    }

    public void rsaOaep(java.security.PublicKey publicKey, byte[] data) throws Exception {
        // RSA has no block mode: "ECB" in the JCA name is a placeholder, OAEP padding is sound.
        // ok: java-weak-cipher
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, publicKey);
        c.doFinal(data);
    }
}
