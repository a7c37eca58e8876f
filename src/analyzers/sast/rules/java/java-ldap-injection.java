package com.example.demo;

import javax.naming.NamingEnumeration;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.servlet.http.HttpServletRequest;
import org.springframework.ldap.support.LdapEncoder;

public class DirectoryService {
    private DirContext ctx;

    private String userFilter(String name) {
        return "(&(objectClass=person)(uid=" + name + "))";
    }

    public NamingEnumeration<SearchResult> find(HttpServletRequest request) throws Exception {
        SearchControls controls = new SearchControls();
        // ruleid: java-ldap-injection
        return ctx.search("ou=people,dc=example,dc=com", "(uid=" + request.getParameter("uid") + ")", controls);
    }

    public NamingEnumeration<SearchResult> helper(HttpServletRequest request) throws Exception {
        String filter = userFilter(request.getParameter("name"));
        // ruleid: java-ldap-injection
        return ctx.search("dc=example,dc=com", filter, new SearchControls());
    }

    public NamingEnumeration<SearchResult> safe(HttpServletRequest request) throws Exception {
        SearchControls controls = new SearchControls();
        // ok: java-ldap-injection
        ctx.search("dc=example,dc=com", "(uid={0})", new Object[] {request.getParameter("uid")}, controls);
        // ok: java-ldap-injection
        ctx.search("dc=example,dc=com", "(uid=" + LdapEncoder.filterEncode(request.getParameter("uid")) + ")", controls);
        // ok: java-ldap-injection
        return ctx.search("dc=example,dc=com", "(objectClass=person)", controls);
    }
}

// Benchmark-shaped servlet cases.
class LdapBenchCases extends javax.servlet.http.HttpServlet {

    public void dirContextFilterArgs(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("user");
        if (param == null) param = "";
        LdapManager ads = new LdapManager();
        javax.naming.directory.DirContext ctx = ads.getDirContext();
        String base = "ou=users,ou=system";
        javax.naming.directory.SearchControls sc = new javax.naming.directory.SearchControls();
        sc.setSearchScope(javax.naming.directory.SearchControls.SUBTREE_SCOPE);
        String filter = "(&(objectclass=person)(uid=" + param + ")(street={0}))";
        Object[] filters = new Object[] {"The streetz 4 Ms bar"};
        // ruleid: java-ldap-injection
        javax.naming.NamingEnumeration<javax.naming.directory.SearchResult> results = ctx.search(base, filter, filters, sc);
        ads.closeDirContext();
    }

    public void initialDirContext(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = "";
        java.util.Enumeration<String> headers = request.getHeaders("user");
        if (headers != null && headers.hasMoreElements()) param = headers.nextElement();
        String bar = doSomething(request, param);
        LdapManager ads = new LdapManager();
        javax.naming.directory.InitialDirContext idc = (javax.naming.directory.InitialDirContext) ads.getDirContext();
        javax.naming.directory.SearchControls sc = new javax.naming.directory.SearchControls();
        String filter = "(&(objectclass=person)(uid=" + bar + "))";
        // ruleid: java-ldap-injection
        javax.naming.NamingEnumeration<javax.naming.directory.SearchResult> results = idc.search("ou=users,ou=system", filter, sc);
        ads.closeDirContext();
    }

    private static String doSomething(javax.servlet.http.HttpServletRequest request, String param) throws Exception {
        String bar = "";
        if (param != null) {
            java.util.List<String> values = new java.util.ArrayList<String>();
            values.add("safe");
            values.add(param);
            values.add("moresafe");
            values.remove(0);
            bar = values.get(0);
        }
        return bar;
    }

    public void constantFilter(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("user");
        String bar = "safe!";
        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA", "a-Value");
        map.put("keyB", param);
        bar = (String) map.get("keyA");
        javax.naming.directory.DirContext ctx = new LdapManager().getDirContext();
        javax.naming.directory.SearchControls sc = new javax.naming.directory.SearchControls();
        // ok: java-ldap-injection
        ctx.search("ou=users,ou=system", "(&(objectclass=person)(uid=" + bar + "))", sc);
    }

    public void encoded(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("user");
        String bar = org.owasp.esapi.ESAPI.encoder().encodeForLDAP(param);
        javax.naming.directory.DirContext ctx = new LdapManager().getDirContext();
        javax.naming.directory.SearchControls sc = new javax.naming.directory.SearchControls();
        // ok: java-ldap-injection
        ctx.search("ou=users,ou=system", "(&(objectclass=person)(uid=" + bar + "))", sc);
    }

    public void placeholderOnly(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("user");
        javax.naming.directory.DirContext ctx = new LdapManager().getDirContext();
        javax.naming.directory.SearchControls sc = new javax.naming.directory.SearchControls();
        // ok: java-ldap-injection
        ctx.search("ou=users,ou=system", "(&(objectclass=person)(uid={0}))", new Object[] {param}, sc);
    }
}
