package com.example.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

public class GreetingServlet extends HttpServlet {

    private String greeting(String name) {
        return "<h1>Hello " + name + "</h1>";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        // ruleid: java-xss
        response.getWriter().println("<p>Hello " + name + "</p>");
        PrintWriter out = response.getWriter();
        // ruleid: java-xss
        out.print(greeting(request.getParameter("title")));
        List<String> items = new ArrayList<>();
        items.add("<li>" + request.getParameter("item") + "</li>");
        // ruleid: java-xss
        out.write(String.join("", items));
        // ruleid: java-xss
        out.printf("<div>%s</div>", request.getHeader("Referer"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter out = response.getWriter();
        // ok: java-xss
        out.println("<p>Hello " + Encode.forHtml(request.getParameter("name")) + "</p>");
        // ok: java-xss
        out.println("<p>Static</p>");
        int page = Integer.parseInt(request.getParameter("page"));
        // ok: java-xss
        out.println("<p>Page " + page + "</p>");
    }
}

// Benchmark-shaped servlet cases.
class XssBenchCases extends javax.servlet.http.HttpServlet {

    public void printlnParam(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("name");
        if (param == null) param = "";
        response.setHeader("X-XSS-Protection", "0");
        // ruleid: java-xss
        response.getWriter().println("Hello " + param);
    }

    public void formatWithArgs(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getHeader("Referer");
        param = java.net.URLDecoder.decode(param, "UTF-8");
        Object[] obj = {"a", param};
        response.setHeader("X-XSS-Protection", "0");
        // ruleid: java-xss
        response.getWriter().format(java.util.Locale.US, "Formatted like: %1$s and %2$s.", obj);
    }

    public void printfFormatString(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = "";
        java.util.Enumeration<String> names = request.getParameterNames();
        if (names.hasMoreElements()) param = names.nextElement();
        Object[] obj = {"a", "b"};
        response.setHeader("X-XSS-Protection", "0");
        // ruleid: java-xss
        response.getWriter().printf(param, obj);
    }

    public void writeCharArray(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getQueryString();
        String bar = new String(java.util.Base64.getDecoder().decode(java.util.Base64.getEncoder().encode(param.getBytes())));
        response.setHeader("X-XSS-Protection", "0");
        int length = 1;
        if (bar != null) length = bar.length();
        // ruleid: java-xss
        response.getWriter().write(bar.toCharArray(), 0, length);
    }

    public void writerVariable(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getCookies()[0].getValue();
        String bar = doSomething(request, param);
        java.io.PrintWriter out = response.getWriter();
        // ruleid: java-xss
        out.print(bar.toCharArray());
    }

    private static String doSomething(javax.servlet.http.HttpServletRequest request, String param) throws Exception {
        String bar;
        int num = 196;
        if ((500 / 42) + num > 200) bar = param;
        else bar = "This should never happen";
        return bar;
    }

    public void esapiEncoded(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("name");
        String bar = org.owasp.esapi.ESAPI.encoder().encodeForHTML(param);
        response.setHeader("X-XSS-Protection", "0");
        // ok: java-xss
        response.getWriter().println("Hello " + bar);
    }

    public void springEscaped(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getHeader("name");
        String bar = new Helper().doSomething(request, param);
        response.setHeader("X-XSS-Protection", "0");
        // ok: java-xss
        response.getWriter().write(bar);
    }

    private class Helper {
        public String doSomething(javax.servlet.http.HttpServletRequest request, String param) throws Exception {
            return org.springframework.web.util.HtmlUtils.htmlEscape(param);
        }
    }

    public void mapOtherKey(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("name");
        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA", "a-Value");
        map.put("keyB", param);
        String bar = (String) map.get("keyA");
        response.setHeader("X-XSS-Protection", "0");
        // ok: java-xss
        response.getWriter().print(bar);
    }

    public void ternaryImpossible(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("name");
        int num = 106;
        String bar = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
        response.setHeader("X-XSS-Protection", "0");
        // ok: java-xss
        response.getWriter().println(bar);
    }

    public void constantFormatArgs(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("name");
        Object[] obj = {"a", "b"};
        response.getWriter().println("length " + param.length());
        // ok: java-xss
        response.getWriter().format("Formatted like: %1$s and %2$s.", obj);
    }
}
