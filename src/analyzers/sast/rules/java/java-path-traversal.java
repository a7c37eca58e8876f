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
