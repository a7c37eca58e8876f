resource "azurerm_storage_account" "main" {
  name                     = "main"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "TLS1_2"
}

resource "azurerm_storage_account" "defaults" {
  name                     = "defaults"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
