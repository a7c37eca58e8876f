import javax.servlet.http.HttpServletRequest;

class Ping {
    void ping(HttpServletRequest request) throws Exception {
        String host = request.getParameter("host");
        String cmd = "ping -c 1 " + host;
        // ruleid: java-runtime-exec-tainted
        Runtime.getRuntime().exec(cmd);
        // ok: java-runtime-exec-tainted
        Runtime.getRuntime().exec("uptime");
    }
}

class Multi {
    void run(HttpServletRequest request) throws Exception {
        String[] args = request.getParameterValues("arg");
        // ruleid: java-runtime-exec-tainted
        Runtime.getRuntime().exec(args);
    }
}
