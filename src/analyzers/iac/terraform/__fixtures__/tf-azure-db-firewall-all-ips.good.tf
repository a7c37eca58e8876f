resource "azurerm_mssql_firewall_rule" "azure_services" {
  name             = "AllowAzureServices"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}

resource "azurerm_sql_firewall_rule" "office" {
  name                = "office"
  resource_group_name = "rg"
  server_name         = "main"
  start_ip_address    = "203.0.113.0"
  end_ip_address      = "203.0.113.255"
}

resource "azurerm_mssql_firewall_rule" "computed" {
  name             = "computed"
  server_id        = azurerm_mssql_server.main.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = var.end_ip
}
