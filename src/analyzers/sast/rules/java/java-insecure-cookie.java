package com.example.demo;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;

public class CookieService {

    public void plain(HttpServletResponse response, String token) {
        Cookie cookie = new Cookie("session", token);
        // ruleid: java-insecure-cookie
        response.addCookie(cookie);
    }

    public void disabled(HttpServletResponse response, String token) {
        Cookie cookie = new Cookie("session", token);
        cookie.setHttpOnly(true);
        // ruleid: java-insecure-cookie
        cookie.setSecure(false);
        response.addCookie(cookie);
    }

    public ResponseCookie spring(String token) {
        // ruleid: java-insecure-cookie
        return ResponseCookie.from("session", token).httpOnly(false).secure(true).build();
    }

    public void safe(HttpServletResponse response, String token) {
        Cookie cookie = new Cookie("session", token);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        // ok: java-insecure-cookie
        response.addCookie(cookie);
    }
}
