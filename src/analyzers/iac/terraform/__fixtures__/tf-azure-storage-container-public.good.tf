resource "azurerm_storage_container" "private" {
  name                  = "private"
  storage_account_id    = azurerm_storage_account.main.id
  container_access_type = "private"
}

resource "azurerm_storage_container" "defaults" {
  name               = "defaults"
  storage_account_id = azurerm_storage_account.main.id
}

resource "azurerm_storage_container" "computed" {
  name                  = "computed"
  storage_account_id    = azurerm_storage_account.main.id
  container_access_type = var.access_type
}
