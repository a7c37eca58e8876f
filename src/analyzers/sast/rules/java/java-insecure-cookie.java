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

// Benchmark-shaped servlet cases: a cookie carrying request data, Secure set or not.
class CookieBenchCases extends javax.servlet.http.HttpServlet {

    public void secureFalse(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("value");
        byte[] input = param.getBytes();
        String str = new String(input, "UTF-8");
        javax.servlet.http.Cookie cookie = new javax.servlet.http.Cookie("SomeCookie", str);
        // ruleid: java-insecure-cookie
        cookie.setSecure(false);
        cookie.setHttpOnly(true);
        cookie.setPath(request.getRequestURI());
        response.addCookie(cookie);
    }

    public void secureTrue(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("value");
        javax.servlet.http.Cookie cookie = new javax.servlet.http.Cookie("SomeCookie", param);
        cookie.setSecure(true);
        cookie.setHttpOnly(true);
        cookie.setPath(request.getRequestURI());
        // ok: java-insecure-cookie
        response.addCookie(cookie);
    }

    public void neverSet(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        javax.servlet.http.Cookie cookie = new javax.servlet.http.Cookie("SomeCookie", request.getParameter("value"));
        cookie.setPath("/");
        // ruleid: java-insecure-cookie
        response.addCookie(cookie);
    }

    public void secureFromRequest(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        javax.servlet.http.Cookie cookie = new javax.servlet.http.Cookie("SomeCookie", "v");
        cookie.setSecure(request.isSecure());
        // ok: java-insecure-cookie
        response.addCookie(cookie);
    }
}
