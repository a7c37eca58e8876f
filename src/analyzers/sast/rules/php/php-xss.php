<?php

$name = $_GET['name'];
// ruleid: php-xss
echo "<h1>Hello " . $name . "</h1>";

// ruleid: php-xss
print "<p>{$_POST['comment']}</p>";

// ruleid: php-xss
printf("<div>%s</div>", $_GET['msg']);

function greet($who)
{
    return "<b>" . $who . "</b>";
}
// ruleid: php-xss
echo greet($_COOKIE['user']);

$items = [];
foreach ($_GET['tags'] as $tag) {
    $items[] = "<li>" . $tag . "</li>";
}
// ruleid: php-xss
echo implode("", $items);

// ruleid: php-xss
die("Unknown page: " . $_SERVER['REQUEST_URI']);
?>
<!-- ruleid: php-xss -->
<p><?= $_GET['q'] ?></p>
<?php

// escaped
// ok: php-xss
echo "<h1>Hello " . htmlspecialchars($name, ENT_QUOTES, 'UTF-8') . "</h1>";
$safe = htmlentities($_POST['comment']);
// ok: php-xss
print "<p>$safe</p>";
// ok: php-xss
echo json_encode(['q' => $_GET['q']]);
// ok: php-xss
echo "<p>Page " . intval($_GET['page']) . "</p>";
// ok: php-xss
echo "<p>static</p>";
