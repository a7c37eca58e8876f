resource "google_compute_instance" "implicit" {
  name         = "implicit"
  machine_type = "e2-small"
  zone         = "europe-west1-b"

  boot_disk {
    initialize_params {
      image = "debian-cloud/debian-12"
    }
  }

  network_interface {
    network = "default"
  }

  service_account {
    scopes = ["cloud-platform"] # expect: tf-gcp-instance-default-sa-full-scope
  }
}

resource "google_compute_instance_template" "explicit_default" {
  name_prefix  = "web-"
  machine_type = "e2-small"

  disk {
    source_image = "debian-cloud/debian-12"
  }

  network_interface {
    network = "default"
  }

  service_account {
    email = "123456789012-compute@developer.gserviceaccount.com"
    scopes = [
      "https://www.googleapis.com/auth/cloud-platform", # expect: tf-gcp-instance-default-sa-full-scope
    ]
  }
}
