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

// Benchmark-shaped servlet cases: one source shape and one data-flow trick per method.
class SqlBenchCases extends javax.servlet.http.HttpServlet {

    public void valuesArray(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = "";
        String[] values = request.getParameterValues("acct");
        if (values != null && values.length > 0) param = values[0];
        String sql = "SELECT * FROM ACCOUNTS WHERE NAME='" + param + "'";
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ruleid: java-sql-injection
        statement.execute(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
    }

    public void parameterMap(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = "";
        java.util.Map<String, String[]> map = request.getParameterMap();
        if (!map.isEmpty()) {
            String[] values = map.get("acct");
            if (values != null) param = values[0];
        }
        String sql = "UPDATE ACCOUNTS SET NOTE='x' WHERE NAME='" + param + "'";
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ruleid: java-sql-injection
        statement.executeUpdate(sql, new String[] {"NAME"});
    }

    public void parameterNames(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = "";
        java.util.Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String[] values = request.getParameterValues(name);
            if (values != null && values.length > 0 && values[0].equals("acct")) {
                param = name;
                break;
            }
        }
        String sql = "SELECT * FROM ACCOUNTS WHERE NAME='" + param + "'";
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ruleid: java-sql-injection
        statement.addBatch(sql);
        statement.executeBatch();
    }

    public void headerDecoded(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = "";
        if (request.getHeader("Referer") != null) param = request.getHeader("Referer");
        param = java.net.URLDecoder.decode(param, "UTF-8");
        String sql = "{call lookup_account('" + param + "')}";
        java.sql.Connection connection = DbHelper.getSqlConnection();
        // ruleid: java-sql-injection
        java.sql.CallableStatement cs = connection.prepareCall(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
        cs.execute();
    }

    public void headerNames(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = "";
        java.util.Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (name.equals("host") || name.equals("accept")) continue;
            param = name;
            break;
        }
        java.sql.Connection connection = DbHelper.getSqlConnection();
        // ruleid: java-sql-injection
        java.sql.PreparedStatement ps = connection.prepareStatement("SELECT * FROM ACCOUNTS WHERE NAME='" + param + "'", new String[] {"ID"});
        ps.execute();
    }

    public void cookieLoop(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = "none";
        javax.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (javax.servlet.http.Cookie c : cookies) {
                if (c.getName().equals("acct")) {
                    param = java.net.URLDecoder.decode(c.getValue(), "UTF-8");
                    break;
                }
            }
        }
        String sql = "SELECT BALANCE FROM ACCOUNTS WHERE NAME='" + param + "'";
        // ruleid: java-sql-injection
        Long balance = DbHelper.JDBCtemplate.queryForObject(sql, Long.class);
        response.getWriter().println(balance);
    }

    public void cookieIndex(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getCookies()[0].getValue();
        // ruleid: java-sql-injection
        DbHelper.JDBCtemplate.queryForRowSet("SELECT * FROM ACCOUNTS WHERE NAME='" + param + "'");
    }

    public void queryString(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String queryString = request.getQueryString();
        String marker = "acct=";
        int at = queryString.indexOf(marker);
        String param = queryString.substring(at + marker.length());
        int amp = queryString.indexOf("&", at);
        if (amp != -1) param = queryString.substring(at + marker.length(), amp);
        param = java.net.URLDecoder.decode(param, "UTF-8");
        // ruleid: java-sql-injection
        DbHelper.JDBCtemplate.execute("DELETE FROM SESSIONS WHERE NAME='" + param + "'");
    }

    public void helperMethod(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("acct");
        if (param == null) param = "";
        String bar = doSomething(request, param);
        // ruleid: java-sql-injection
        DbHelper.JDBCtemplate.update("UPDATE ACCOUNTS SET NOTE='" + bar + "'");
    }

    private static String doSomething(javax.servlet.http.HttpServletRequest request, String param) throws Exception {
        StringBuilder sb = new StringBuilder(param);
        return sb.append("_suffix").toString();
    }

    public void innerClassHelper(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getHeader("acct");
        String bar = new Helper().doSomething(request, param);
        // ruleid: java-sql-injection
        DbHelper.JDBCtemplate.batchUpdate("INSERT INTO AUDIT VALUES ('" + bar + "')");
    }

    private class Helper {
        public String doSomething(javax.servlet.http.HttpServletRequest request, String param) throws Exception {
            return String.format("%s", param);
        }
    }

    public void mapSameKey(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("acct");
        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA", "a-Value");
        map.put("keyB", param);
        String bar = (String) map.get("keyB");
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ruleid: java-sql-injection
        statement.executeQuery("SELECT * FROM ACCOUNTS WHERE NAME='" + bar + "'");
    }

    public void mapOtherKey(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("acct");
        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA", "a-Value");
        map.put("keyB", param);
        String bar = (String) map.get("keyA");
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ok: java-sql-injection
        statement.executeQuery("SELECT * FROM ACCOUNTS WHERE NAME='" + bar + "'");
    }

    public void listConstantElement(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("acct");
        java.util.List<String> values = new java.util.ArrayList<String>();
        values.add("safe");
        values.add(param);
        values.add("moresafe");
        values.remove(0);
        String bar = values.get(1);
        // ok: java-sql-injection
        DbHelper.JDBCtemplate.query("SELECT * FROM ACCOUNTS WHERE NAME='" + bar + "'", new AccountMapper());
    }

    public void listTaintedElement(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("acct");
        java.util.List<String> values = new java.util.ArrayList<String>();
        values.add("safe");
        values.add(param);
        values.remove(0);
        String bar = values.get(0);
        // ruleid: java-sql-injection
        DbHelper.JDBCtemplate.queryForList("SELECT * FROM ACCOUNTS WHERE NAME='" + bar + "'");
    }

    public void ternaryTaken(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("acct");
        int num = 106;
        String bar = (7 * 42) - num > 200 ? "This should never happen" : param;
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ruleid: java-sql-injection
        statement.executeLargeUpdate("DELETE FROM ACCOUNTS WHERE NAME='" + bar + "'");
    }

    public void ternaryImpossible(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("acct");
        int num = 106;
        String bar = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ok: java-sql-injection
        statement.executeQuery("SELECT * FROM ACCOUNTS WHERE NAME='" + bar + "'");
    }

    public void switchTaken(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("acct");
        String bar;
        String guess = "ABC";
        char target = guess.charAt(2);
        switch (target) {
            case 'A':
                bar = param;
                break;
            case 'B':
                bar = "bob";
                break;
            case 'C':
            case 'D':
                bar = param;
                break;
            default:
                bar = "bob's your uncle";
                break;
        }
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ruleid: java-sql-injection
        statement.executeQuery("SELECT * FROM ACCOUNTS WHERE NAME='" + bar + "'");
    }

    public void switchNotTaken(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("acct");
        String bar;
        String guess = "ABC";
        char target = guess.charAt(1);
        switch (target) {
            case 'A':
                bar = param;
                break;
            case 'B':
                bar = "bob";
                break;
            default:
                bar = param;
                break;
        }
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ok: java-sql-injection
        statement.executeQuery("SELECT * FROM ACCOUNTS WHERE NAME='" + bar + "'");
    }

    public void preparedPlaceholder(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String bar = request.getParameter("acct");
        java.sql.Connection connection = DbHelper.getSqlConnection();
        // ok: java-sql-injection
        java.sql.PreparedStatement ps = connection.prepareStatement("SELECT * FROM ACCOUNTS WHERE NAME=?", java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
        ps.setString(1, bar);
        ps.execute();
    }

    public void templateArgs(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String bar = request.getParameter("acct");
        // ok: java-sql-injection
        DbHelper.JDBCtemplate.queryForList("SELECT * FROM ACCOUNTS WHERE NAME=?", new Object[] {bar});
    }

    public void constantReassigned(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("acct");
        String bar = "safe!";
        if (param == null) bar = "none";
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ok: java-sql-injection
        statement.execute("SELECT * FROM ACCOUNTS WHERE NAME='" + bar + "'");
    }

    public void deadBranch(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("acct");
        String bar = "constant";
        if (false) bar = param;
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ok: java-sql-injection
        statement.executeQuery("SELECT * FROM ACCOUNTS WHERE NAME='" + bar + "'");
    }

    public void htmlEscapedStillSql(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("acct");
        String bar = org.springframework.web.util.HtmlUtils.htmlEscape(param);
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ruleid: java-sql-injection
        statement.executeQuery("SELECT * FROM ACCOUNTS WHERE NAME='" + bar + "'");
    }

    public void wrapperClass(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        RequestWrapper scr = new RequestWrapper(request);
        String param = scr.getTheParameter("acct");
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ruleid: java-sql-injection
        statement.executeQuery("SELECT * FROM ACCOUNTS WHERE NAME='" + param + "'");
    }

    public void wrapperClassSafe(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        RequestWrapper scr = new RequestWrapper(request);
        String param = scr.getTheValue("acct");
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ok: java-sql-injection
        statement.executeQuery("SELECT * FROM ACCOUNTS WHERE NAME='" + param + "'");
    }

    public void numberParsed(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        int id = Integer.parseInt(request.getParameter("id"));
        java.sql.Statement statement = DbHelper.getSqlStatement();
        // ok: java-sql-injection
        statement.executeQuery("SELECT * FROM ACCOUNTS WHERE ID=" + id);
    }
}

// A request wrapper in the style of a benchmark helper class.
class RequestWrapper {
    private final javax.servlet.http.HttpServletRequest request;

    RequestWrapper(javax.servlet.http.HttpServletRequest request) {
        this.request = request;
    }

    public String getTheParameter(String p) {
        return request.getParameter(p);
    }

    public String getTheValue(String p) {
        return "bar";
    }
}
