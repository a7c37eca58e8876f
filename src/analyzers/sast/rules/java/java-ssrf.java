package com.example.demo;

import java.io.InputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

@RestController
public class ProxyController {
    private static final Map<String, String> SERVICES = Map.of("weather", "https://weather.internal/api");
    private final RestTemplate restTemplate = new RestTemplate();

    private String apiUrl(String host) {
        return "https://" + host + "/v1/status";
    }

    public InputStream servlet(HttpServletRequest request) throws Exception {
        // ruleid: java-ssrf
        URL url = new URL(request.getParameter("url"));
        return url.openStream();
    }

    @GetMapping("/proxy")
    public String proxy(@RequestParam("host") String host) {
        // ruleid: java-ssrf
        return restTemplate.getForObject(apiUrl(host), String.class);
    }

    @GetMapping("/hooks")
    public String hooks(@RequestParam("callback") String callback) {
        List<String> hooks = new ArrayList<>();
        hooks.add(callback);
        for (String hook : hooks) {
            // ruleid: java-ssrf
            restTemplate.postForObject(hook, "{}", String.class);
        }
        return "ok";
    }

    public String safe(HttpServletRequest request) throws Exception {
        // ok: java-ssrf
        String a = restTemplate.getForObject("https://api.example.com/status", String.class);
        // ok: java-ssrf
        String b = restTemplate.getForObject("https://api.example.com/search?q=" + URLEncoder.encode(request.getParameter("q"), StandardCharsets.UTF_8), String.class);
        // ok: java-ssrf
        String c = restTemplate.getForObject(SERVICES.get(request.getParameter("service")), String.class);
        return a + b + c;
    }
}

// Benchmark-shaped case: fully qualified URL class.
class SsrfBenchCases extends javax.servlet.http.HttpServlet {

    public void qualified(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("target");
        // ruleid: java-ssrf
        java.net.URL url = new java.net.URL("http://" + param + "/status");
        url.openConnection().connect();
    }

    public void fixedHost(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("page");
        // ok: java-ssrf
        java.net.URL url = new java.net.URL("https://status.example.com/" + java.net.URLEncoder.encode(param, "UTF-8"));
        url.openConnection().connect();
    }
}
