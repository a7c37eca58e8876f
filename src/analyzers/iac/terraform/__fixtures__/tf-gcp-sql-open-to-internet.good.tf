resource "google_sql_database_instance" "office_only" {
  name             = "office-only"
  database_version = "POSTGRES_15"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ssl_mode = "ENCRYPTED_ONLY"

      authorized_networks {
        name  = "office"
        value = "203.0.113.0/24"
      }
    }
  }
}

resource "google_sql_database_instance" "private" {
  name             = "private"
  database_version = "MYSQL_8_0"

  settings {
    tier = "db-f1-micro"

    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id

      authorized_networks {
        name  = "ignored"
        value = "0.0.0.0/0"
      }
    }
  }
}
