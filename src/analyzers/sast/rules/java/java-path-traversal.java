package com.example.demo;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServletRequest;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class FileController {
    private static final String UPLOADS = "/srv/app/uploads";

    private String uploadPath(String name) {
        return UPLOADS + "/" + name;
    }

    public byte[] servlet(HttpServletRequest request) throws IOException {
        String name = request.getParameter("file");
        // ruleid: java-path-traversal
        FileInputStream in = new FileInputStream(UPLOADS + "/" + name);
        in.close();
        // ruleid: java-path-traversal
        return Files.readAllBytes(Paths.get(uploadPath(request.getParameter("doc"))));
    }

    @GetMapping("/files")
    public String read(@RequestParam("name") String name) throws IOException {
        String path = String.format("%s/%s", UPLOADS, name);
        // ruleid: java-path-traversal
        File f = new File(path);
        // ruleid: java-path-traversal
        return new String(Files.readAllBytes(Paths.get(UPLOADS, name)));
    }

    public byte[] safe(HttpServletRequest request) throws IOException {
        // ok: java-path-traversal
        byte[] a = Files.readAllBytes(Paths.get(UPLOADS, FilenameUtils.getName(request.getParameter("file"))));
        // ok: java-path-traversal
        byte[] b = Files.readAllBytes(Paths.get(UPLOADS, "index.html"));
        return a.length > 0 ? a : b;
    }

    public byte[] prefixCheck(HttpServletRequest request) throws IOException {
        Path base = Paths.get(UPLOADS).toAbsolutePath().normalize();
        // ruleid: java-path-traversal
        Path target = base.resolve(request.getParameter("file")).normalize();
        if (!target.startsWith(base)) {
            throw new IOException("outside uploads");
        }
        // ok: java-path-traversal
        return Files.readAllBytes(target);
    }
}

// Benchmark-shaped servlet cases.
class PathBenchCases extends javax.servlet.http.HttpServlet {
    static final String TESTFILES_DIR = "/srv/app/testfiles/";

    public void fileInputStream(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("file");
        if (param == null) param = "";
        String fileName = TESTFILES_DIR + param;
        // ruleid: java-path-traversal
        java.io.FileInputStream fis = new java.io.FileInputStream(fileName);
        fis.close();
    }

    public void fileOutputStream(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getHeader("file");
        param = java.net.URLDecoder.decode(param, "UTF-8");
        String fileName = TESTFILES_DIR + param;
        // ruleid: java-path-traversal
        java.io.FileOutputStream fos = new java.io.FileOutputStream(fileName, false);
        fos.close();
    }

    public void fileWithParent(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = "";
        javax.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (javax.servlet.http.Cookie c : cookies) {
                if (c.getName().equals("file")) param = java.net.URLDecoder.decode(c.getValue(), "UTF-8");
            }
        }
        // ruleid: java-path-traversal
        java.io.File fileTarget = new java.io.File(new java.io.File(TESTFILES_DIR), param);
        response.getWriter().println("exists: " + fileTarget.exists());
    }

    public void fileParentString(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameterValues("file")[0];
        // ruleid: java-path-traversal
        java.io.File fileTarget = new java.io.File(TESTFILES_DIR, param);
        response.getWriter().println("exists: " + fileTarget.exists());
    }

    public void nioPaths(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("file");
        String bar = new StringBuilder(param).append("_data.txt").toString();
        // ruleid: java-path-traversal
        java.nio.file.Path path = java.nio.file.Paths.get(TESTFILES_DIR + bar);
        java.io.InputStream is = java.nio.file.Files.newInputStream(path, java.nio.file.StandardOpenOption.READ);
        is.close();
    }

    public void uriFile(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("file");
        java.net.URI fileURI = new java.net.URI("file", null, TESTFILES_DIR.replace('\\', '/') + param, null);
        // ruleid: java-path-traversal
        java.io.File fileTarget = new java.io.File(fileURI);
        response.getWriter().println("exists: " + fileTarget.exists());
    }

    public void helperClass(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("file");
        String bar = new Helper().doSomething(request, param);
        // ruleid: java-path-traversal
        java.io.FileInputStream fis = new java.io.FileInputStream(new java.io.File(TESTFILES_DIR + bar));
        fis.close();
    }

    private class Helper {
        public String doSomething(javax.servlet.http.HttpServletRequest request, String param) throws Exception {
            String bar = param;
            if (param != null && param.length() > 1) {
                StringBuilder sb = new StringBuilder(param);
                bar = sb.replace(param.length() - "Z".length(), param.length(), "Z").toString();
            }
            return bar;
        }
    }

    public void listConstant(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("file");
        String bar = "alsosafe";
        if (param != null) {
            java.util.List<String> values = new java.util.ArrayList<String>();
            values.add("safe");
            values.add(param);
            values.add("moresafe");
            values.remove(0);
            bar = values.get(1);
        }
        // ok: java-path-traversal
        java.io.File fileTarget = new java.io.File(TESTFILES_DIR, bar);
        response.getWriter().println("exists: " + fileTarget.exists());
    }

    public void constantName(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("file");
        String bar = param == null ? "" : "report.txt";
        // ok: java-path-traversal
        java.io.FileInputStream fis = new java.io.FileInputStream(TESTFILES_DIR + bar);
        fis.close();
    }

    public void baseNameOnly(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("file");
        String name = org.apache.commons.io.FilenameUtils.getName(param);
        // ok: java-path-traversal
        java.io.File fileTarget = new java.io.File(TESTFILES_DIR, name);
        response.getWriter().println("exists: " + fileTarget.exists());
    }

    public void fixedFile(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        String param = request.getParameter("file");
        response.getWriter().println("asked for " + param.length());
        // ok: java-path-traversal
        java.io.FileInputStream fis = new java.io.FileInputStream(TESTFILES_DIR + "FileName");
        fis.close();
    }

    public void indexSelected(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        int idx = Integer.parseInt(request.getParameter("idx"));
        // ok: java-path-traversal
        java.nio.file.Path path = java.nio.file.Paths.get(TESTFILES_DIR, "file" + idx + ".txt");
        java.nio.file.Files.readAllBytes(path);
    }
}
