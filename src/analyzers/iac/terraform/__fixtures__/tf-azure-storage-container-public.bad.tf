resource "azurerm_storage_container" "assets" {
  name                  = "assets"
  storage_account_name  = azurerm_storage_account.main.name
  container_access_type = "blob" # expect: tf-azure-storage-container-public
}

resource "azurerm_storage_container" "listing" {
  name                  = "listing"
  storage_account_id    = azurerm_storage_account.main.id
  container_access_type = "container" # expect: tf-azure-storage-container-public
}
