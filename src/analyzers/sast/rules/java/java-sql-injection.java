package com.example.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class UserController {
    private Connection conn;
    private JdbcTemplate jdbcTemplate;

    private String byName(String name) {
        return "SELECT * FROM users WHERE name = '" + name + "'";
    }

    public void servlet(HttpServletRequest request, HttpServletResponse response) throws Exception {
        String id = request.getParameter("id");
        Statement st = conn.createStatement();
        // ruleid: java-sql-injection
        ResultSet rs = st.executeQuery("SELECT * FROM users WHERE id = '" + id + "'");
        // ruleid: java-sql-injection
        st.executeUpdate(byName(request.getParameter("name")));
        StringBuilder sb = new StringBuilder("SELECT * FROM orders WHERE owner = '");
        sb.append(request.getHeader("X-Owner")).append("'");
        // ruleid: java-sql-injection
        st.executeQuery(sb.toString());
        rs.close();
    }

    @GetMapping("/users")
    public List<String> spring(@RequestParam("sort") String sort, @RequestParam("limit") int limit) throws Exception {
        String sql = String.format("SELECT name FROM users ORDER BY %s", sort);
        // ruleid: java-sql-injection
        List<String> names = jdbcTemplate.queryForList(sql, String.class);
        // ok: java-sql-injection
        jdbcTemplate.queryForList("SELECT name FROM users LIMIT " + limit, String.class);
        return names;
    }

    @GetMapping("/users/{id}")
    public String byId(@PathVariable String id) throws Exception {
        List<String> clauses = new ArrayList<>();
        clauses.add("id = '" + id + "'");
        // ruleid: java-sql-injection
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE " + String.join(" AND ", clauses));
        ps.execute();
        return "ok";
    }

    @PostMapping("/users/search")
    public List<String> search(@RequestBody UserQuery query) throws Exception {
        Statement st = conn.createStatement();
        // ruleid: java-sql-injection
        st.executeQuery("SELECT * FROM users WHERE name = '" + query.getName() + "'");
        return List.of();
    }

    @GET
    @Path("/legacy")
    public String jaxrs(@QueryParam("owner") String owner, @QueryParam("page") int page) throws Exception {
        Statement st = conn.createStatement();
        // ruleid: java-sql-injection
        st.executeQuery("SELECT * FROM items WHERE owner = '" + owner + "'");
        // ok: java-sql-injection
        st.executeQuery("SELECT * FROM items LIMIT 10 OFFSET " + page);
        return "ok";
    }

    public void cookies(HttpServletRequest request) throws Exception {
        Statement st = conn.createStatement();
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals("tenant")) {
                // ruleid: java-sql-injection
                st.executeQuery("SELECT * FROM tenants WHERE id = '" + cookie.getValue() + "'");
            }
        }
    }

    public void safe(HttpServletRequest request) throws Exception {
        // ok: java-sql-injection
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE id = ?");
        ps.setString(1, request.getParameter("id"));
        ps.executeQuery();
        // ok: java-sql-injection
        jdbcTemplate.queryForObject("SELECT name FROM users WHERE id = ?", String.class, request.getParameter("id"));
        int page = Integer.parseInt(request.getParameter("page"));
        Statement st = conn.createStatement();
        // ok: java-sql-injection
        st.executeQuery("SELECT * FROM users LIMIT 10 OFFSET " + page);
        // ok: java-sql-injection
        st.executeQuery("SELECT COUNT(*) FROM users");
    }
}
