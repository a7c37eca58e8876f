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
