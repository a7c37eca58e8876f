package com.example.demo;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
public class LoginController {
    private static final Map<String, String> TARGETS = Map.of("home", "/", "docs", "/docs");
    private static final Set<String> ALLOWED = Set.of("/", "/docs");

    private String afterLogin(String next) {
        return next == null ? "/dashboard" : next;
    }

    public void servlet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: java-open-redirect
        response.sendRedirect(request.getParameter("next"));
    }

    public void helper(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: java-open-redirect
        response.sendRedirect(afterLogin(request.getParameter("returnTo")));
        // ruleid: java-open-redirect
        response.setHeader("Location", "https://" + request.getHeader("Host") + "/welcome");
    }

    @GetMapping("/done")
    public String done(@RequestParam("next") String next) {
        // ruleid: java-open-redirect
        return "redirect:" + next;
    }

    public void safe(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ok: java-open-redirect
        response.sendRedirect("/search?q=" + URLEncoder.encode(request.getParameter("q"), StandardCharsets.UTF_8));
        // ok: java-open-redirect
        response.sendRedirect("/home");
        String next = request.getParameter("next");
        if (ALLOWED.contains(next)) {
            // ok: java-open-redirect
            response.sendRedirect(next);
        }
    }

    @GetMapping("/go")
    public String go(@RequestParam("to") String to) {
        // ok: java-open-redirect
        return "redirect:" + TARGETS.getOrDefault(to, "/");
    }
}
