package com.example.demo;

import com.thoughtworks.xstream.XStream;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Base64;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

@RestController
public class ImportController {

    private byte[] decode(String blob) {
        return Base64.getDecoder().decode(blob);
    }

    public Object servlet(HttpServletRequest request) throws Exception {
        // ruleid: java-unsafe-deserialization
        ObjectInputStream in = new ObjectInputStream(request.getInputStream());
        return in.readObject();
    }

    public Object cookie(HttpServletRequest request) throws Exception {
        String state = request.getHeader("X-State");
        // ruleid: java-unsafe-deserialization
        ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(decode(state)));
        return in.readObject();
    }

    @PostMapping("/xml")
    public Object xml(@RequestBody String body) {
        XStream xstream = new XStream();
        // ruleid: java-unsafe-deserialization
        return xstream.fromXML(body);
    }

    @PostMapping("/yaml")
    public Object yaml(@RequestBody String body) {
        Yaml yaml = new Yaml();
        // ruleid: java-unsafe-deserialization
        return yaml.load(body);
    }

    @PostMapping("/safe-yaml")
    public Object safeYaml(@RequestBody String body) throws Exception {
        Yaml yaml = new Yaml(new SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()));
        // ok: java-unsafe-deserialization
        Object a = yaml.load(body);
        // ok: java-unsafe-deserialization
        ObjectInputStream in = new ObjectInputStream(getClass().getResourceAsStream("/defaults.ser"));
        return new Object[] {a, in.readObject()};
    }
}

// Benchmark-shaped case: fully qualified stream class.
class DeserBenchCases extends javax.servlet.http.HttpServlet {

    public void qualified(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ruleid: java-unsafe-deserialization
        java.io.ObjectInputStream in = new java.io.ObjectInputStream(request.getInputStream());
        in.readObject();
    }

    public void fromFile(javax.servlet.http.HttpServletRequest request, javax.servlet.http.HttpServletResponse response) throws Exception {
        // ok: java-unsafe-deserialization
        java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.FileInputStream("/srv/app/state.bin"));
        in.readObject();
    }
}
