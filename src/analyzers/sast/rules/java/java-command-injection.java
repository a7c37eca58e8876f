package com.example.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ToolsController {

    private String pingCommand(String host) {
        return "ping -c 1 " + host;
    }

    private void archive(String name) throws IOException {
        // ruleid: java-command-injection
        Runtime.getRuntime().exec("tar czf /tmp/out.tgz " + name);
    }

    public void servlet(HttpServletRequest request) throws IOException {
        // ruleid: java-command-injection
        Runtime.getRuntime().exec("ping -c 1 " + request.getParameter("host"));
        // ruleid: java-command-injection
        Runtime.getRuntime().exec(pingCommand(request.getParameter("host")));
        archive(request.getParameter("name"));
        // ruleid: java-command-injection
        new ProcessBuilder("sh", "-c", "echo " + request.getParameter("msg")).start();
    }

    @GetMapping("/convert")
    public String convert(@RequestParam("file") String file, @RequestParam("tool") String tool) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("/bin/sh");
        cmd.add("-c");
        cmd.add(String.format("convert %s out.png", file));
        // ruleid: java-command-injection
        new ProcessBuilder(cmd).start();
        // ruleid: java-command-injection
        new ProcessBuilder(tool, "--version").start();
        return "ok";
    }

    public void safe(HttpServletRequest request) throws IOException {
        // ok: java-command-injection
        new ProcessBuilder("convert", request.getParameter("file"), "out.png").start();
        // ok: java-command-injection
        Runtime.getRuntime().exec(new String[] {"ls", "-la", request.getParameter("dir")});
        // ok: java-command-injection
        Runtime.getRuntime().exec("uptime");
        int count = Integer.parseInt(request.getParameter("count"));
        // ok: java-command-injection
        Runtime.getRuntime().exec("head -n " + count + " /var/log/app.log");
    }
}

// Benchmark-shaped servlet cases.
class CmdBenchCases extends javax.servlet.http.HttpServlet {

    public void concatenated(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("target");
        if (param == null) param = "";
        String cmd = OsHelper.getInsecureOSCommandString(this.getClass().getClassLoader());
        Runtime r = Runtime.getRuntime();
        // ruleid: java-command-injection
        Process p = r.exec(cmd + param);
        OsHelper.printOSCommandResults(p, response);
    }

    public void taintedEnvironment(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getHeader("target");
        String cmd = OsHelper.getOSCommandString("echo");
        String[] argsEnv = {param};
        Runtime r = Runtime.getRuntime();
        // ruleid: java-command-injection
        Process p = r.exec(cmd, argsEnv);
        OsHelper.printOSCommandResults(p, response);
    }

    public void taintedEnvironmentWithDir(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("target");
        String[] args = {"echo", "hello"};
        String[] argsEnv = {"foo=" + param};
        Runtime r = Runtime.getRuntime();
        // ruleid: java-command-injection
        Process p = r.exec(args, argsEnv, new java.io.File(System.getProperty("user.dir")));
        OsHelper.printOSCommandResults(p, response);
    }

    public void shellArray(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = "";
        java.util.Enumeration<String> headers = request.getHeaders("target");
        if (headers != null && headers.hasMoreElements()) param = headers.nextElement();
        param = java.net.URLDecoder.decode(param, "UTF-8");
        String a1 = "";
        String a2 = "";
        String osName = System.getProperty("os.name");
        if (osName.indexOf("Windows") != -1) {
            a1 = "cmd.exe";
            a2 = "/c";
        } else {
            a1 = "sh";
            a2 = "-c";
        }
        String[] args = {a1, a2, "echo " + param};
        // ruleid: java-command-injection
        ProcessBuilder pb = new ProcessBuilder(args);
        pb.start();
    }

    public void shellList(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("target");
        String bar = new String(java.util.Base64.getDecoder().decode(java.util.Base64.getEncoder().encode(param.getBytes())));
        java.util.List<String> argList = new java.util.ArrayList<String>();
        argList.add("sh");
        argList.add("-c");
        argList.add("echo " + bar);
        ProcessBuilder pb = new ProcessBuilder();
        // ruleid: java-command-injection
        pb.command(argList);
        pb.start();
    }

    public void helperThenExec(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("target");
        String bar = new Helper().doSomething(request, param);
        String cmd = OsHelper.getInsecureOSCommandString(this.getClass().getClassLoader());
        String[] args = {cmd};
        String[] argsEnv = {bar};
        Runtime r = Runtime.getRuntime();
        // ruleid: java-command-injection
        Process p = r.exec(args, argsEnv);
        OsHelper.printOSCommandResults(p, response);
    }

    private class Helper {
        public String doSomething(javax.servlet.http.HttpServletRequest request, String param) throws Exception {
            String bar = "";
            if (param != null) bar = param.split(" ")[0];
            return bar;
        }
    }

    public void constantHelper(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("target");
        String bar = safeHelper(param);
        String cmd = OsHelper.getInsecureOSCommandString(this.getClass().getClassLoader());
        Runtime r = Runtime.getRuntime();
        // ok: java-command-injection
        Process p = r.exec(cmd + bar);
        OsHelper.printOSCommandResults(p, response);
    }

    private static String safeHelper(String param) {
        String bar = "alsosafe";
        if (param != null) bar = "safe!";
        return bar;
    }

    public void mapOtherKey(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("target");
        java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();
        map.put("keyA", "a_Value");
        map.put("keyB", param);
        map.put("keyC", "another_Value");
        String bar = (String) map.get("keyC");
        String cmd = OsHelper.getInsecureOSCommandString(this.getClass().getClassLoader());
        Runtime r = Runtime.getRuntime();
        // ok: java-command-injection
        Process p = r.exec(cmd + bar);
        OsHelper.printOSCommandResults(p, response);
    }

    public void ifImpossible(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("target");
        String bar;
        int num = 86;
        if ((7 * 42) - num > 200) bar = "This_should_always_happen";
        else bar = param;
        String[] argsEnv = {bar};
        // ok: java-command-injection
        Process p = Runtime.getRuntime().exec("echo", argsEnv);
        OsHelper.printOSCommandResults(p, response);
    }

    public void fixedArgs(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("target");
        String[] argsEnv = {"LANG=C"};
        // ok: java-command-injection
        Process p = Runtime.getRuntime().exec("date", argsEnv);
        // ok: java-command-injection
        new ProcessBuilder("grep", "--", param, "/var/log/app.log").start();
        OsHelper.printOSCommandResults(p, response);
    }

    public void numericOnly(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        long n = Long.parseLong(request.getParameter("lines"));
        // ok: java-command-injection
        Runtime.getRuntime().exec("tail -n " + n + " /var/log/app.log");
    }
}
