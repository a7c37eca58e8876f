package com.example.demo;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;

public class NameSearch {
    private static final List<String> NAMES = List.of("alice", "bob", "carol");

    private String wordPattern(String word) {
        return "^" + word + "$";
    }

    public List<String> search(HttpServletRequest request) {
        // ruleid: java-regex-injection
        Pattern p = Pattern.compile(request.getParameter("q"), Pattern.CASE_INSENSITIVE);
        return NAMES.stream().filter(n -> p.matcher(n).find()).collect(Collectors.toList());
    }

    public boolean helper(HttpServletRequest request) {
        // ruleid: java-regex-injection
        return Pattern.matches(wordPattern(request.getParameter("word")), "alice");
    }

    public String replace(HttpServletRequest request) {
        String strip = request.getParameter("strip");
        // ruleid: java-regex-injection
        return "some text".replaceAll("[" + strip + "]+", "");
    }

    public Object safe(HttpServletRequest request) {
        String q = request.getParameter("q");
        // ok: java-regex-injection
        Pattern a = Pattern.compile(Pattern.quote(q));
        // ok: java-regex-injection
        boolean b = q.matches("^[a-z]+$");
        // ok: java-regex-injection
        String c = q.replaceAll("\\s+", " ");
        return new Object[] {a, b, c, NAMES.contains(q)};
    }
}
