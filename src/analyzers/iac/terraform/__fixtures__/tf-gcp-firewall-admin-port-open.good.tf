resource "google_compute_firewall" "iap_ssh" {
  name    = "allow-iap-ssh"
  network = google_compute_network.main.name

  allow {
    protocol = "tcp"
    ports    = ["22", "3389"]
  }

  source_ranges = ["35.235.240.0/20"]
}

resource "google_compute_firewall" "web" {
  name    = "allow-web"
  network = google_compute_network.main.name

  allow {
    protocol = "tcp"
    ports    = ["80", "443"]
  }

  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "egress" {
  name      = "egress-ssh"
  network   = google_compute_network.main.name
  direction = "EGRESS"

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  destination_ranges = ["0.0.0.0/0"]
  source_ranges      = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "off" {
  name     = "ssh-off"
  network  = google_compute_network.main.name
  disabled = true

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "computed" {
  name    = "ssh-computed"
  network = google_compute_network.main.name

  allow {
    protocol = "tcp"
    ports    = var.ports
  }

  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "dns" {
  name    = "dns"
  network = google_compute_network.main.name

  allow {
    protocol = "udp"
  }

  source_ranges = ["0.0.0.0/0"]
}
