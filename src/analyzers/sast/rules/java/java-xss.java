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
