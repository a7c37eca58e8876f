resource "azurerm_key_vault" "on" {
  name                       = "on"
  location                   = "westeurope"
  resource_group_name        = "rg"
  tenant_id                  = var.tenant_id
  sku_name                   = "standard"
  purge_protection_enabled   = true
  soft_delete_retention_days = 90
}

resource "azurerm_key_vault" "computed" {
  name                     = "computed"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = var.purge_protection
}
