<?php

$ds = ldap_connect('ldap://ldap.example.com');
$user = $_POST['user'];
// ruleid: php-ldap-injection
$sr = ldap_search($ds, 'dc=example,dc=com', "(&(objectClass=person)(uid=$user))");

function memberFilter($group)
{
    return "(memberOf=cn=" . $group . ",ou=groups,dc=example,dc=com)";
}
// ruleid: php-ldap-injection
$sr2 = ldap_list($ds, 'ou=people,dc=example,dc=com', memberFilter($_GET['group']));

$dn = "uid=" . $_POST['user'] . ",ou=people,dc=example,dc=com";
// ruleid: php-ldap-injection
ldap_bind($ds, $dn, $_POST['password']);

// escaped
$safe = ldap_escape($_POST['user'], '', LDAP_ESCAPE_FILTER);
// ok: php-ldap-injection
$sr3 = ldap_search($ds, 'dc=example,dc=com', "(uid=$safe)");
// ok: php-ldap-injection
ldap_bind($ds, "uid=" . ldap_escape($_POST['user'], '', LDAP_ESCAPE_DN) . ",ou=people,dc=example,dc=com", $_POST['password']);
// ok: php-ldap-injection
$sr4 = ldap_search($ds, 'dc=example,dc=com', '(objectClass=person)');

$parts = ['(objectClass=person)', '(mail=' . $_GET['mail'] . ')'];
// ruleid: php-ldap-injection
$sr5 = ldap_search($ds, 'dc=example,dc=com', '(&' . implode('', $parts) . ')');
