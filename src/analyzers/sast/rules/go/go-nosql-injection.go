package handlers

import (
	"context"
	"encoding/json"
	"net/http"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

var users *mongo.Collection

func where(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: go-nosql-injection
	users.Find(context.TODO(), bson.M{"$where": "this.name == '" + name + "'"})
}

func decodedFilter(w http.ResponseWriter, r *http.Request) {
	var filter map[string]interface{}
	json.NewDecoder(r.Body).Decode(&filter)
	// ruleid: go-nosql-injection
	users.FindOne(context.TODO(), filter)
}

func rawJSON(w http.ResponseWriter, r *http.Request) {
	var filter bson.M
	json.Unmarshal([]byte(r.FormValue("q")), &filter)
	// ruleid: go-nosql-injection
	users.DeleteMany(context.TODO(), filter)
}

func pipeline(stages []interface{}) {
	// ruleid: go-nosql-injection
	users.Aggregate(context.TODO(), stages)
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	var stages []interface{}
	json.NewDecoder(r.Body).Decode(&stages)
	pipeline(stages)
}

func typedValue(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ok: go-nosql-injection
	users.Find(context.TODO(), bson.M{"name": name})
	// ok: go-nosql-injection
	users.FindOne(context.TODO(), bson.D{{Key: "email", Value: r.FormValue("email")}})
	// ok: go-nosql-injection
	users.Find(context.TODO(), bson.M{"$where": "this.active == true"})
	filter := bson.M{"owner": r.FormValue("owner")}
	// ok: go-nosql-injection
	users.Find(context.TODO(), filter)
}
