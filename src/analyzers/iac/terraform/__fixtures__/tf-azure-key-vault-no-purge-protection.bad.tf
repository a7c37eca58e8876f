resource "azurerm_key_vault" "off" {
  name                     = "off"
  location                 = "westeurope"
  resource_group_name      = "rg"
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = false # expect: tf-azure-key-vault-no-purge-protection
}

resource "azurerm_key_vault" "unset" { # expect: tf-azure-key-vault-no-purge-protection
  name                = "unset"
  location            = "westeurope"
  resource_group_name = "rg"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
}
