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

// Benchmark-shaped servlet cases: a "remember me" value made in doPost and stored in a cookie
// and the session.
class RandomBenchCases extends javax.servlet.http.HttpServlet {

    public void randomDouble(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ruleid: java-insecure-randomness
        double value = new java.util.Random().nextDouble();
        String rememberMeKey = Double.toString(value).substring(2);
        String cookieName = "rememberMe";
        boolean foundUser = false;
        javax.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (javax.servlet.http.Cookie c : cookies) {
                if (cookieName.equals(c.getName()) && c.getValue().equals(request.getSession().getAttribute(cookieName))) foundUser = true;
            }
        }
        if (foundUser) {
            response.getWriter().println("Welcome back");
        } else {
            javax.servlet.http.Cookie rememberMe = new javax.servlet.http.Cookie(cookieName, rememberMeKey);
            rememberMe.setSecure(true);
            rememberMe.setHttpOnly(true);
            request.getSession().setAttribute(cookieName, rememberMeKey);
            response.addCookie(rememberMe);
        }
    }

    public void mathRandom(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ruleid: java-insecure-randomness
        double value = java.lang.Math.random();
        String rememberMeKey = Double.toString(value).substring(2);
        request.getSession().setAttribute("rememberMe", rememberMeKey);
    }

    public void randomLongSeeded(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ruleid: java-insecure-randomness
        long l = new java.util.Random(System.currentTimeMillis()).nextLong();
        String rememberMeKey = Long.toString(l);
        javax.servlet.http.Cookie rememberMe = new javax.servlet.http.Cookie("rememberMe", rememberMeKey);
        rememberMe.setSecure(true);
        response.addCookie(rememberMe);
    }

    public void randomBytes(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        byte[] bytes = new byte[10];
        // ruleid: java-insecure-randomness
        new java.util.Random().nextBytes(bytes);
        String rememberMeKey = java.util.Base64.getEncoder().encodeToString(bytes);
        request.getSession().setAttribute("rememberMe", rememberMeKey);
    }

    public void secureRandom(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ok: java-insecure-randomness
        double value = java.security.SecureRandom.getInstance("SHA1PRNG").nextDouble();
        String rememberMeKey = Double.toString(value).substring(2);
        javax.servlet.http.Cookie rememberMe = new javax.servlet.http.Cookie("rememberMe", rememberMeKey);
        request.getSession().setAttribute("rememberMe", rememberMeKey);
        response.addCookie(rememberMe);
    }

    public void secureRandomBytes(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        byte[] bytes = new byte[10];
        // ok: java-insecure-randomness
        new java.security.SecureRandom().nextBytes(bytes);
        request.getSession().setAttribute("rememberMe", java.util.Base64.getEncoder().encodeToString(bytes));
    }

    public void randomForDisplay(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ok: java-insecure-randomness
        int tip = new java.util.Random().nextInt(10);
        response.getWriter().println("Tip of the day #" + tip);
    }
}
