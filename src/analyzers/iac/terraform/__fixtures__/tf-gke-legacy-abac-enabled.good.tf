resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west1"
  initial_node_count = 1
  enable_legacy_abac = false
}

resource "google_container_cluster" "defaults" {
  name               = "defaults"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "computed" {
  name               = "computed"
  location           = "europe-west1"
  initial_node_count = 1
  enable_legacy_abac = var.legacy_abac
}
