package com.example.demo;

import javax.servlet.http.HttpServletRequest;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

public class UserLookup {
    private Document doc;

    private String byName(String name) {
        return "//user[@name='" + name + "']/@role";
    }

    public Object role(HttpServletRequest request) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ruleid: java-xpath-injection
        return xpath.evaluate("//user[@name='" + request.getParameter("name") + "']/@role", doc, XPathConstants.STRING);
    }

    public Object helper(HttpServletRequest request) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String expr = byName(request.getParameter("name"));
        // ruleid: java-xpath-injection
        return xpath.compile(expr).evaluate(doc);
    }

    public Object safe(HttpServletRequest request) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String name = request.getParameter("name");
        xpath.setXPathVariableResolver(q -> name);
        // ok: java-xpath-injection
        return xpath.evaluate("//user[@name=$name]/@role", doc, XPathConstants.STRING);
    }
}
