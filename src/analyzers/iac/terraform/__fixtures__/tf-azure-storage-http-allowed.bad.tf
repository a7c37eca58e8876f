resource "azurerm_storage_account" "main" {
  name                      = "main"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = false # expect: tf-azure-storage-http-allowed
}
