<?php

$client = new MongoDB\Client('mongodb://localhost');
$collection = $client->shop->users;

// ?user[$ne]=x turns the value into an operator
// ruleid: php-nosql-injection
$user = $collection->findOne(['username' => $_POST['user'], 'password' => $_POST['pass']]);

// ruleid: php-nosql-injection
$cursor = $collection->find(['$where' => "this.name == '" . $_GET['name'] . "'"]);

$filter = json_decode(file_get_contents('php://input'), true);
// ruleid: php-nosql-injection
$collection->deleteMany($filter);

function byStatus($coll, $status)
{
    // ruleid: php-nosql-injection
    return $coll->find(['status' => $status]);
}
byStatus($collection, $_GET['status']);

// values cast to strings cannot carry operators
// ok: php-nosql-injection
$user = $collection->findOne(['username' => (string) $_POST['user'], 'password' => strval($_POST['pass'])]);
// ok: php-nosql-injection
$cursor = $collection->find(['$where' => 'this.active == true']);
// ok: php-nosql-injection
$collection->find(['age' => ['$gt' => (int) $_GET['age']]]);
