resource "azurerm_storage_account" "main" {
  name                      = "main"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = true
}
