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

// Benchmark-shaped servlet cases.
class TrustBenchCases extends javax.servlet.http.HttpServlet {

    public void taintedName(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("attr");
        if (param == null) param = "";
        // ruleid: java-trust-boundary-violation
        request.getSession().putValue(param, "10340");
        response.getWriter().println("Item: '" + org.owasp.esapi.ESAPI.encoder().encodeForHTML(param) + "' saved in session.");
    }

    public void taintedValue(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = "";
        java.util.Enumeration<String> headers = request.getHeaders("attr");
        if (headers != null && headers.hasMoreElements()) param = headers.nextElement();
        String bar = new StringBuilder(param).append("_SafeStuff").toString();
        // ruleid: java-trust-boundary-violation
        request.getSession().setAttribute("userid", bar);
    }

    public void taintedNameSetAttribute(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getCookies()[0].getValue();
        String bar = doSomething(request, param);
        // ruleid: java-trust-boundary-violation
        request.getSession().setAttribute(bar, "10340");
    }

    private static String doSomething(javax.servlet.http.HttpServletRequest request, String param) throws Exception {
        String bar = "safe!";
        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA", "a_Value");
        map.put("keyB", param);
        bar = (String) map.get("keyB");
        return bar;
    }

    public void sessionVariable(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameterMap().get("attr")[0];
        javax.servlet.http.HttpSession session = request.getSession();
        // ruleid: java-trust-boundary-violation
        session.setAttribute(param, "10340");
    }

    public void constantNameAndValue(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("attr");
        String bar = "safe!";
        if (param != null && param.length() > 1) bar = "constant";
        // ok: java-trust-boundary-violation
        request.getSession().putValue(bar, "10340");
    }

    public void listOtherElement(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("attr");
        java.util.List<String> values = new java.util.ArrayList<String>();
        values.add("safe");
        values.add(param);
        values.add("moresafe");
        values.remove(0);
        String bar = values.get(1);
        // ok: java-trust-boundary-violation
        request.getSession().setAttribute("userid", bar);
    }

    public void numberOnly(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        int page = Integer.parseInt(request.getParameter("page"));
        // ok: java-trust-boundary-violation
        request.getSession().setAttribute("page", page);
    }
}
