package com.example.demo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import javax.servlet.http.HttpServletRequest;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.BasicQuery;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class SearchController {
    private MongoCollection<Document> users;
    private MongoTemplate mongoTemplate;

    public Object login(HttpServletRequest request) {
        String json = "{ \"username\": \"" + request.getParameter("user") + "\" }";
        // ruleid: java-nosql-injection
        return users.find(Document.parse(json)).first();
    }

    public Object where(HttpServletRequest request) {
        // ruleid: java-nosql-injection
        return users.find(Filters.where("this.owner == '" + request.getParameter("owner") + "'")).first();
    }

    @PostMapping("/search")
    public Object search(@RequestBody String filter) {
        // ruleid: java-nosql-injection
        return mongoTemplate.find(new BasicQuery(filter), Document.class);
    }

    public Object safe(HttpServletRequest request) {
        // ok: java-nosql-injection
        Object a = users.find(Filters.eq("username", request.getParameter("user"))).first();
        // ok: java-nosql-injection
        Object b = mongoTemplate.find(new Query(Criteria.where("owner").is(request.getParameter("owner"))), Document.class);
        // ok: java-nosql-injection
        Object c = users.find(Document.parse("{ \"active\": true }")).first();
        return new Object[] {a, b, c};
    }
}
