package com.example.demo;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.TransformerFactory;
import org.w3c.dom.Document;

public class XmlImport {

    public Document parseUpload(InputStream in) throws Exception {
        // ruleid: java-xxe
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        DocumentBuilder builder = dbf.newDocumentBuilder();
        return builder.parse(in);
    }

    public void sax(InputStream in) throws Exception {
        // ruleid: java-xxe
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.newSAXParser().parse(in, new org.xml.sax.helpers.DefaultHandler());
    }

    public void stax(InputStream in) throws Exception {
        // ruleid: java-xxe
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.createXMLStreamReader(in);
    }

    public Document parseSafe(InputStream in) throws Exception {
        // ok: java-xxe
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(in);
    }

    public void staxSafe(InputStream in) throws Exception {
        // ok: java-xxe
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xif.createXMLStreamReader(in);
    }

    public TransformerFactory transformerSafe() {
        // ok: java-xxe
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return tf;
    }
}

// Benchmark-shaped cases: fully qualified factory names, as written without imports.
class XxeBenchCases extends javax.servlet.http.HttpServlet {

    public void qualifiedDefault(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ruleid: java-xxe
        javax.xml.parsers.DocumentBuilderFactory dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        dbf.newDocumentBuilder().parse(request.getInputStream());
    }

    public void qualifiedHardened(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ok: java-xxe
        javax.xml.parsers.DocumentBuilderFactory dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.newDocumentBuilder().parse(request.getInputStream());
    }

    public void qualifiedSax(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ruleid: java-xxe
        javax.xml.parsers.SAXParserFactory spf = javax.xml.parsers.SAXParserFactory.newInstance();
        spf.newSAXParser().parse(request.getInputStream(), new org.xml.sax.helpers.DefaultHandler());
    }
}
