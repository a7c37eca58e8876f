package com.example.demo;

import com.auth0.jwt.algorithms.Algorithm;
import java.sql.Connection;
import java.sql.DriverManager;
import javax.crypto.spec.SecretKeySpec;

public class Config {
    // ruleid: java-hardcoded-credentials
    private static final String DB_PASSWORD = "S3cr3t!Passw0rd";
    // ruleid: java-hardcoded-credentials
    private String apiKey = "AKIAXXEXAMPLEKEY12345";

    public Connection connect() throws Exception {
        // ruleid: java-hardcoded-credentials
        return DriverManager.getConnection("jdbc:postgresql://db/app", "app", "hunter22");
    }

    public Algorithm jwt() {
        // ruleid: java-hardcoded-credentials
        return Algorithm.HMAC256("my-super-secret-signing-key");
    }

    public SecretKeySpec key() {
        // ruleid: java-hardcoded-credentials
        return new SecretKeySpec("0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8), "AES");
    }

    public void local() {
        // ruleid: java-hardcoded-credentials
        String clientSecret = "f3b2a1c9d8e7f6a5b4c3";
        System.out.println(clientSecret.length());
    }

    // ok: java-hardcoded-credentials
    private final String password = System.getenv("DB_PASSWORD");
    // ok: java-hardcoded-credentials
    private static final String PASSWORD_FIELD = "password";
    // ok: java-hardcoded-credentials
    private String secretKey = "";
    // ok: java-hardcoded-credentials
    private String token = "${app.token}";

    public Connection connectEnv() throws Exception {
        // ok: java-hardcoded-credentials
        return DriverManager.getConnection(System.getenv("DB_URL"), "app", System.getenv("DB_PASSWORD"));
    }
}
