<?php

$doc = new DOMDocument();
$doc->load('/var/app/users.xml');
$xpath = new DOMXPath($doc);

$user = $_POST['user'];
$pass = $_POST['pass'];
// ruleid: php-xpath-injection
$nodes = $xpath->query("//user[name/text()='$user' and password/text()='$pass']");

function countTag($xp, $tag)
{
    // ruleid: php-xpath-injection
    return $xp->evaluate("count(//" . $tag . ")");
}
countTag($xpath, $_GET['tag']);

$xml = simplexml_load_file('/var/app/catalog.xml');
// ruleid: php-xpath-injection
$items = $xml->xpath("//item[@id='" . $_GET['id'] . "']");

// ok: php-xpath-injection
$all = $xpath->query("//user[@active='true']");
// ok: php-xpath-injection
$n = $xpath->evaluate("count(//item[@id='" . intval($_GET['id']) . "'])");
// a database query() is not XPath
// ok: php-xpath-injection
$pdo->query("SELECT 1");

$conds = [];
$conds[] = "@owner='" . $_POST['owner'] . "'";
// ruleid: php-xpath-injection
$orders = $xpath->query("//order[" . implode(' and ', $conds) . "]");
