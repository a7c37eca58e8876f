<?php

use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

$conn = mysqli_connect('localhost', 'app', getenv('DB_PASSWORD'), 'shop');
$pdo = new PDO('mysql:host=localhost;dbname=shop', 'app', getenv('DB_PASSWORD'));

// direct concatenation
$id = $_GET['id'];
// ruleid: php-sql-injection
$result = mysqli_query($conn, "SELECT * FROM users WHERE id = " . $id);

// interpolation
$name = $_POST['name'];
// ruleid: php-sql-injection
$rows = $pdo->query("SELECT * FROM users WHERE name = '$name'");

// sprintf
$sql = sprintf("DELETE FROM sessions WHERE token = '%s'", $_COOKIE['token']);
// ruleid: php-sql-injection
$pdo->exec($sql);

function findByEmail($pdo, $email)
{
    // ruleid: php-sql-injection
    return $pdo->query("SELECT * FROM users WHERE email = '" . $email . "'");
}
findByEmail($pdo, $_REQUEST['email']);

function orderClause($column)
{
    return " ORDER BY " . $column;
}
// ruleid: php-sql-injection
$pdo->query("SELECT * FROM products" . orderClause($_GET['sort']));

// through an array
$filters = ['status' => $_GET['status']];
$where = "status = '" . $filters['status'] . "'";
// ruleid: php-sql-injection
mysqli_query($conn, "SELECT * FROM orders WHERE " . $where);

$sql2 = "SELECT * FROM log WHERE ip = '";
$sql2 .= $_SERVER['HTTP_X_FORWARDED_FOR'] . "'";
// ruleid: php-sql-injection
pg_query($sql2);

// prepared statements
$stmt = $pdo->prepare("SELECT * FROM users WHERE id = ?");
// ok: php-sql-injection
$stmt->execute([$_GET['id']]);
// ok: php-sql-injection
$stmt2 = $pdo->prepare("SELECT * FROM users WHERE name = :name");
$stmt2->execute(['name' => $_POST['name']]);

// escaped and converted values
$safeId = intval($_GET['id']);
// ok: php-sql-injection
mysqli_query($conn, "SELECT * FROM users WHERE id = " . $safeId);
$quoted = $pdo->quote($_GET['name']);
// ok: php-sql-injection
$pdo->query("SELECT * FROM users WHERE name = " . $quoted);
$escaped = mysqli_real_escape_string($conn, $_GET['q']);
// ok: php-sql-injection
mysqli_query($conn, "SELECT * FROM t WHERE q = '" . $escaped . "'");

// allow-listed column
$allowed = ['name', 'created_at'];
$sort = in_array($_GET['sort'], $allowed, true) ? $_GET['sort'] : 'name';
// ok: php-sql-injection
$pdo->query("SELECT * FROM users ORDER BY " . $sort);

// a server-controlled value
// ok: php-sql-injection
$pdo->query("SELECT * FROM hosts WHERE name = '" . $_SERVER['SERVER_NAME'] . "'");

class UserController
{
    public function show(Request $request)
    {
        $id = $request->input('id');
        // ruleid: php-sql-injection
        $users = DB::select("SELECT * FROM users WHERE id = $id");
        // ok: php-sql-injection
        $users = DB::select('SELECT * FROM users WHERE id = ?', [$id]);
        // ruleid: php-sql-injection
        $q = DB::table('users')->whereRaw("name = '" . $request->query('name') . "'")->get();
        // ok: php-sql-injection
        $q = DB::table('users')->where('name', $request->query('name'))->get();
        return $users;
    }
}
