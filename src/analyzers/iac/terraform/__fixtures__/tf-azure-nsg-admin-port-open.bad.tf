resource "azurerm_network_security_group" "vm" {
  name                = "vm"
  location            = "westeurope"
  resource_group_name = "rg"

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*" # expect: tf-azure-nsg-admin-port-open
    destination_address_prefix = "*"
  }

  security_rule {
    name                       = "https"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  priority                    = 120
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_ranges     = ["443", "3380-3390"]
  source_address_prefix       = "Internet" # expect: tf-azure-nsg-admin-port-open
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "vm"
}

resource "azurerm_network_security_rule" "any_port" {
  name                        = "any"
  priority                    = 130
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefixes     = ["10.0.0.0/8", "0.0.0.0/0"] # expect: tf-azure-nsg-admin-port-open
  destination_address_prefix  = "*"
  resource_group_name         = "rg"
  network_security_group_name = "vm"
}
