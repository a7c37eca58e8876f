package com.example.demo;

import java.security.SecureRandom;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.lang3.RandomStringUtils;

public class Tokens {

    public String generateToken() {
        // ruleid: java-insecure-randomness
        Random random = new Random();
        return Long.toHexString(random.nextLong());
    }

    public String resetPassword() {
        // ruleid: java-insecure-randomness
        return RandomStringUtils.randomAlphanumeric(12);
    }

    public int otpCode() {
        // ruleid: java-insecure-randomness
        return (int) (Math.random() * 1_000_000);
    }

    public void shuffle(List<String> items) {
        // ok: java-insecure-randomness
        Collections.shuffle(items, new Random(42));
    }

    public String secureToken() {
        byte[] bytes = new byte[32];
        // ok: java-insecure-randomness
        new SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
