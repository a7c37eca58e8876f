package com.example.demo;

import groovy.lang.GroovyShell;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.servlet.http.HttpServletRequest;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CalcController {
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
    private final ExpressionParser parser = new SpelExpressionParser();

    private String wrap(String expr) {
        return "(" + expr + ") * 1";
    }

    public Object script(HttpServletRequest request) throws Exception {
        // ruleid: java-code-injection
        return engine.eval(request.getParameter("expr"));
    }

    @GetMapping("/spel")
    public Object spel(@RequestParam("q") String q) {
        // ruleid: java-code-injection
        Expression e = parser.parseExpression(wrap(q));
        return e.getValue();
    }

    public Object groovy(HttpServletRequest request) {
        String name = request.getParameter("name");
        GroovyShell shell = new GroovyShell();
        // ruleid: java-code-injection
        return shell.evaluate("println 'hello " + name + "'");
    }

    public Object safe(HttpServletRequest request) throws Exception {
        // ok: java-code-injection
        Object a = engine.eval("1 + 2");
        // ok: java-code-injection
        Object b = parser.parseExpression("'hello'.toUpperCase()").getValue();
        int n = Integer.parseInt(request.getParameter("n"));
        // ok: java-code-injection
        Object c = engine.eval("2 * " + n);
        return new Object[] {a, b, c};
    }
}
