package com.example.demo;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.apache.commons.codec.digest.DigestUtils;

public class Digests {

    public byte[] passwordDigest(String password) throws Exception {
        // ruleid: java-weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        return md.digest(password.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] etag(byte[] body) throws Exception {
        // ruleid: java-weak-hash
        return MessageDigest.getInstance("SHA-1").digest(body);
    }

    public String commons(String data) {
        // ruleid: java-weak-hash
        return DigestUtils.md5Hex(data);
    }

    public String guava(String data) {
        // ruleid: java-weak-hash
        return Hashing.sha1().hashString(data, StandardCharsets.UTF_8).toString();
    }

    public byte[] fingerprint(byte[] data) throws Exception {
        // ok: java-weak-hash
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    public String commonsSafe(String data) {
        // ok: java-weak-hash
        return DigestUtils.sha256Hex(data);
    }
}
