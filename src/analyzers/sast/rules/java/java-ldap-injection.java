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
