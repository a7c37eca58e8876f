resource "google_container_cluster" "narrowed" {
  name               = "narrowed"
  location           = "europe-west1"
  initial_node_count = 1

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = "203.0.113.0/24"
      display_name = "office"
    }
  }
}

resource "google_container_cluster" "private_endpoint" {
  name               = "private-endpoint"
  location           = "europe-west1"
  initial_node_count = 1

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = true
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
}

resource "google_container_cluster" "dns_only" {
  name               = "dns-only"
  location           = "europe-west1"
  initial_node_count = 1

  control_plane_endpoints_config {
    ip_endpoints_config {
      enabled = false
    }
  }
}

resource "google_container_cluster" "computed" {
  name               = "computed"
  location           = "europe-west1"
  initial_node_count = 1

  dynamic "master_authorized_networks_config" {
    for_each = var.authorized_networks
    content {}
  }
}

resource "google_container_cluster" "computed_private" {
  name               = "computed-private"
  location           = "europe-west1"
  initial_node_count = 1

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = var.private_endpoint
  }
}
