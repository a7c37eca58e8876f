resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = google_compute_network.main.name

  allow {
    protocol = "tcp"
    ports    = ["80", "20-25"]
  }

  source_ranges = ["10.0.0.0/8", "0.0.0.0/0"] # expect: tf-gcp-firewall-admin-port-open
}

resource "google_compute_firewall" "everything" {
  name      = "allow-all"
  network   = google_compute_network.main.name
  direction = "INGRESS"

  allow {
    protocol = "all"
  }

  source_ranges = [
    "0.0.0.0/0", # expect: tf-gcp-firewall-admin-port-open
  ]
}

resource "google_compute_firewall" "rdp" {
  name    = "allow-rdp"
  network = google_compute_network.main.name

  allow {
    protocol = "tcp"
  }

  source_ranges = ["::/0"] # expect: tf-gcp-firewall-admin-port-open
}
