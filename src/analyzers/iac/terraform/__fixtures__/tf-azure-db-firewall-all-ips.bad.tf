resource "azurerm_mssql_firewall_rule" "everyone" {
  name             = "everyone"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "0.0.0.0" # expect: tf-azure-db-firewall-all-ips
  end_ip_address   = "255.255.255.255"
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "everyone" {
  name             = "everyone"
  server_id        = azurerm_postgresql_flexible_server.main.id
  start_ip_address = "0.0.0.0" # expect: tf-azure-db-firewall-all-ips
  end_ip_address   = "255.255.255.255"
}
