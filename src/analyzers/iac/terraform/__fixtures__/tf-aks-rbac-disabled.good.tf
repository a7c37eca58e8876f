resource "azurerm_kubernetes_cluster" "default" {
  name                = "default"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "default"

  default_node_pool {
    name       = "default"
    node_count = 1
    vm_size    = "Standard_D2_v2"
  }

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_kubernetes_cluster" "explicit" {
  name                              = "explicit"
  location                          = "westeurope"
  resource_group_name               = "rg"
  dns_prefix                        = "explicit"
  role_based_access_control_enabled = true
}

resource "azurerm_kubernetes_cluster" "v2" {
  name                = "v2"
  location            = "westeurope"
  resource_group_name = "rg"
  dns_prefix          = "v2"

  role_based_access_control {
    enabled = true
  }
}
