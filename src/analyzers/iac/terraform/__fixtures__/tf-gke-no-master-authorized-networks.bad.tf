resource "google_container_cluster" "public" { # expect: tf-gke-no-master-authorized-networks
  name               = "public"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "private_nodes" { # expect: tf-gke-no-master-authorized-networks
  name               = "private-nodes"
  location           = "europe-west1"
  initial_node_count = 1

  private_cluster_config {
    enable_private_nodes    = true
    enable_private_endpoint = false
    master_ipv4_cidr_block  = "172.16.0.0/28"
  }
}
