package com.example.demo;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;

public class PreferencesServlet {

    private String normalize(String role) {
        return role.trim().toLowerCase();
    }

    public void login(HttpServletRequest request) {
        HttpSession session = request.getSession();
        // ruleid: java-trust-boundary-violation
        session.setAttribute("role", request.getParameter("role"));
        // ruleid: java-trust-boundary-violation
        request.getSession().setAttribute("lang", normalize(request.getParameter("lang")));
        // ruleid: java-trust-boundary-violation
        session.setAttribute("owner", "user:" + request.getHeader("X-Owner"));
    }

    public void safe(HttpServletRequest request) {
        HttpSession session = request.getSession();
        // ok: java-trust-boundary-violation
        session.setAttribute("page", Integer.parseInt(request.getParameter("page")));
        // ok: java-trust-boundary-violation
        session.setAttribute("loggedInAt", System.currentTimeMillis());
        // ok: java-trust-boundary-violation
        request.setAttribute("q", request.getParameter("q"));
    }
}
