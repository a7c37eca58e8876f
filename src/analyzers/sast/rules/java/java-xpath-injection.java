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

// Benchmark-shaped servlet cases.
class XPathBenchCases extends javax.servlet.http.HttpServlet {

    public void evaluateString(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("id");
        if (param == null) param = "";
        java.io.FileInputStream file = new java.io.FileInputStream("/srv/app/employees.xml");
        javax.xml.parsers.DocumentBuilderFactory builderFactory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        javax.xml.parsers.DocumentBuilder builder = builderFactory.newDocumentBuilder();
        org.w3c.dom.Document xmlDocument = builder.parse(file);
        javax.xml.xpath.XPathFactory xpf = javax.xml.xpath.XPathFactory.newInstance();
        javax.xml.xpath.XPath xp = xpf.newXPath();
        String expression = "/Employees/Employee[@emplid='" + param + "']";
        // ruleid: java-xpath-injection
        String result = xp.evaluate(expression, xmlDocument);
        response.getWriter().println("Your query results are: " + result);
    }

    public void compileNodeset(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = "";
        javax.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (javax.servlet.http.Cookie c : cookies) {
                if (c.getName().equals("id")) param = java.net.URLDecoder.decode(c.getValue(), "UTF-8");
            }
        }
        String bar = new Helper().doSomething(request, param);
        org.w3c.dom.Document xmlDocument = XmlHelper.load();
        javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        String expression = "/Employees/Employee[@emplid='" + bar + "']";
        // ruleid: java-xpath-injection
        org.w3c.dom.NodeList nodeList = (org.w3c.dom.NodeList) xp.compile(expression).evaluate(xmlDocument, javax.xml.xpath.XPathConstants.NODESET);
        response.getWriter().println(nodeList.getLength());
    }

    private class Helper {
        public String doSomething(javax.servlet.http.HttpServletRequest request, String param) throws Exception {
            return org.springframework.web.util.HtmlUtils.htmlEscape(param);
        }
    }

    public void listOtherElement(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("id");
        java.util.List<String> values = new java.util.ArrayList<String>();
        values.add("safe");
        values.add(param);
        values.add("moresafe");
        values.remove(0);
        String bar = values.get(1);
        javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        // ok: java-xpath-injection
        String result = xp.evaluate("/Employees/Employee[@emplid='" + bar + "']", XmlHelper.load());
        response.getWriter().println(result);
    }

    public void numericId(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        int id = Integer.parseInt(request.getParameter("id"));
        javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        // ok: java-xpath-injection
        String result = xp.evaluate("/Employees/Employee[@emplid='" + id + "']", XmlHelper.load());
        response.getWriter().println(result);
    }

    public void constantId(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("id");
        String bar = "2";
        if (param == null) bar = "1";
        javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath();
        // ok: java-xpath-injection
        String result = xp.evaluate("/Employees/Employee[@emplid='" + bar + "']", XmlHelper.load());
        response.getWriter().println(result);
    }
}
