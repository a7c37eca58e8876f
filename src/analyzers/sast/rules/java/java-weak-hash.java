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

// Benchmark-shaped servlet cases.
class HashBenchCases extends javax.servlet.http.HttpServlet {

    public void md5Qualified(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("data");
        // ruleid: java-weak-hash
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
        md.update(param.getBytes());
        response.getWriter().println(java.util.Base64.getEncoder().encodeToString(md.digest()));
    }

    public void sha1WithProvider(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ruleid: java-weak-hash
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA1", "SUN");
        md.update("input".getBytes());
    }

    public void propertyDefaultWeak(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        java.util.Properties props = new java.util.Properties();
        props.load(this.getClass().getClassLoader().getResourceAsStream("app.properties"));
        // ruleid: java-weak-hash
        String algorithm = props.getProperty("hashAlg1", "MD5");
        java.security.MessageDigest md = java.security.MessageDigest.getInstance(algorithm);
        md.update("input".getBytes());
    }

    public void propertyDefaultStrong(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        java.util.Properties props = new java.util.Properties();
        props.load(this.getClass().getClassLoader().getResourceAsStream("app.properties"));
        // ok: java-weak-hash
        String algorithm = props.getProperty("hashAlg2", "SHA-256");
        java.security.MessageDigest md = java.security.MessageDigest.getInstance(algorithm);
        md.update("input".getBytes());
    }

    public void sha512(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ok: java-weak-hash
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-512");
        md.update("input".getBytes());
    }

    public void unrelatedProperty(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        java.util.Properties props = new java.util.Properties();
        // ok: java-weak-hash
        String label = props.getProperty("label", "MD5");
        response.getWriter().println(label.length());
    }
}
