package com.example.demo;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringReader;
import java.io.StringWriter;
import javax.servlet.http.HttpServletRequest;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.Velocity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class GreetingController {
    private final Configuration cfg = new Configuration(Configuration.VERSION_2_3_32);

    private String page(String title) {
        return "<h1>" + title + "</h1><p>${user}</p>";
    }

    public String velocity(HttpServletRequest request) {
        StringWriter out = new StringWriter();
        // ruleid: java-template-injection
        Velocity.evaluate(new VelocityContext(), out, "greeting", "Hello " + request.getParameter("name"));
        return out.toString();
    }

    @GetMapping("/fm")
    public String freemarker(@RequestParam("title") String title) throws Exception {
        // ruleid: java-template-injection
        Template t = new Template("page", new StringReader(page(title)), cfg);
        StringWriter out = new StringWriter();
        t.process(null, out);
        return out.toString();
    }

    public String safe(HttpServletRequest request) {
        VelocityContext ctx = new VelocityContext();
        ctx.put("name", request.getParameter("name"));
        StringWriter out = new StringWriter();
        // ok: java-template-injection
        Velocity.evaluate(ctx, out, "greeting", "Hello $name");
        return out.toString();
    }
}
